namespace VmwareMcp.Abstractions;

/// <summary>The version of this contract, which plugins declare and the host checks before loading them.</summary>
/// <remarks>
/// The major number changes when a member is removed or changes meaning; a plugin built against another
/// major version is refused. The minor number grows when members are added.
/// </remarks>
public static class ContractVersion
{
    /// <summary>Major version: plugins must match it exactly.</summary>
    public const int Major = 2;

    /// <summary>Minor version: the host serves plugins built against this minor or an older one.</summary>
    public const int Minor = 6;

    /// <summary>The version as text, <c>Major.Minor</c>.</summary>
    public const string Current = "2.6";
}
