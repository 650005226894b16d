namespace VmwareMcp.Abstractions.Guest;

/// <summary>A customization specification saved on the vCenter. Since 2.5.</summary>
public sealed record CustomizationSpecInfo
{
    /// <summary>Its name, which <c>customization.spec_name</c> takes.</summary>
    public required string Name { get; init; }

    /// <summary><c>Linux</c> or <c>Windows</c>.</summary>
    public string? Type { get; init; }

    /// <summary>What it is for.</summary>
    public string? Description { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset? LastUpdated { get; init; }
}
