namespace VmwareMcp.Host.Configuration;

/// <summary>
/// A settings source flattened to configuration keys (<c>targets:0:vcenter_endpoint</c>), remembering which
/// keys held a mapping or a list so that a list where a value belongs is reported as a wrong type.
/// </summary>
internal sealed class FlatSettings
{
    public Dictionary<string, string?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> Containers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the values came from, for error messages (a file name or "environment").</summary>
    public string Origin { get; init; } = "settings";
}
