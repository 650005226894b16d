namespace VmwareMcp.Abstractions.Operations;

/// <summary>Which events to return, newest first.</summary>
public sealed record EventQuery
{
    /// <summary>Only events at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only events before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only events about this VM or host (its id or exact name), including its children.</summary>
    public string? Entity { get; init; }

    /// <summary>Only events of these types (for example <c>VmPoweredOffEvent</c>); empty for all.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Only events of this severity: info, warning, error or user.</summary>
    public string? Severity { get; init; }

    /// <summary>How many matching events to skip.</summary>
    public int Offset { get; init; }

    /// <summary>How many to return at most.</summary>
    public int Limit { get; init; } = 50;
}
