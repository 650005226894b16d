namespace VmwareMcp.Abstractions.Inventory;

/// <summary>
/// What to set on a resource pool; every member is optional. Creating a pool starts from vSphere's defaults
/// (normal shares, no reservation, expandable, no limit) and applies what is given; updating changes only what
/// is given. Since 2.4.
/// </summary>
public class ResourcePoolSettings
{
    /// <summary>The pool's name (required to create; a new name when updating), 1-80 characters.</summary>
    public string? Name { get; init; }

    /// <summary>CPU shares: <c>low</c>, <c>normal</c>, <c>high</c>, or a number of shares (custom).</summary>
    public string? CpuShares { get; init; }

    /// <summary>Guaranteed CPU in MHz, 0 or more.</summary>
    public long? CpuReservationMhz { get; init; }

    /// <summary>CPU limit in MHz; -1 for none.</summary>
    public long? CpuLimitMhz { get; init; }

    /// <summary>Whether the CPU reservation may borrow from the parent.</summary>
    public bool? CpuExpandable { get; init; }

    /// <summary>Memory shares: <c>low</c>, <c>normal</c>, <c>high</c>, or a number of shares (custom).</summary>
    public string? MemoryShares { get; init; }

    /// <summary>Guaranteed memory in MiB, 0 or more.</summary>
    public long? MemoryReservationMib { get; init; }

    /// <summary>Memory limit in MiB; -1 for none.</summary>
    public long? MemoryLimitMib { get; init; }

    /// <summary>Whether the memory reservation may borrow from the parent.</summary>
    public bool? MemoryExpandable { get; init; }
}
