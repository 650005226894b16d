namespace VmwareMcp.Abstractions.Targets;

/// <summary>A configured target as a caller may see it (never its credentials). Since 2.1.</summary>
public sealed class TargetStatus
{
    /// <summary>The name to pass as <c>target</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The endpoint's host and port.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The plugin kind serving it (<c>vcenter</c>, <c>esxi</c>, ...), once known or configured.</summary>
    public string? Kind { get; init; }

    /// <summary>Why it could not be reached or served last time; null when it was.</summary>
    public string? LastError { get; init; }
}
