namespace VmwareMcp.Abstractions.Inventory;

/// <summary>
/// How much of one resource (CPU in MHz, memory in MiB) a resource pool is guaranteed, may use, and weighs
/// against its siblings when they contend. Since 2.4.
/// </summary>
public sealed record ResourceAllocation
{
    /// <summary>Share level against the pool's siblings: <c>low</c>, <c>normal</c>, <c>high</c> or <c>custom</c>.</summary>
    public required string Shares { get; init; }

    /// <summary>The number of shares the level stands for (set by hand when <see cref="Shares"/> is <c>custom</c>).</summary>
    public int SharesValue { get; init; }

    /// <summary>Guaranteed amount (MHz or MiB), held back from the parent whether used or not.</summary>
    public long Reservation { get; init; }

    /// <summary>Whether the pool may borrow unreserved capacity from its parent to admit more than its own reservation.</summary>
    public bool ExpandableReservation { get; init; }

    /// <summary>Upper bound (MHz or MiB); -1 for none.</summary>
    public long Limit { get; init; } = -1;
}
