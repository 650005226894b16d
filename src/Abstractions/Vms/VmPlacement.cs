namespace VmwareMcp.Abstractions.Vms;

/// <summary>Where the endpoint's own placement logic would put a new VM, asked without creating it. Since 2.3.</summary>
public sealed record VmPlacement
{
    /// <summary>The cluster asked.</summary>
    public required string Cluster { get; init; }

    /// <summary>The host it recommends, by name.</summary>
    public string? Host { get; init; }

    /// <summary>The datastore it recommends, by name.</summary>
    public string? Datastore { get; init; }

    /// <summary>Why, as the endpoint says (for example <c>xvmotionPlacement</c>).</summary>
    public string? Reason { get; init; }
}
