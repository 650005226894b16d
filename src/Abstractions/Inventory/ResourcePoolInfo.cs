namespace VmwareMcp.Abstractions.Inventory;

/// <summary>
/// A resource pool: where quotas live. Every cluster and standalone host has a root pool (<c>Resources</c>),
/// which holds what is not in a pool of its own; pools nest. Since 2.4.
/// </summary>
public sealed record ResourcePoolInfo
{
    /// <summary>Managed object id (<c>resgroup-42</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The pool's own name; every root pool is named <c>Resources</c>, so the path tells them apart.</summary>
    public required string Name { get; init; }

    /// <summary>Inventory path, e.g. <c>/DC0/host/DC0_C0/Resources/batch</c>, as VM rows name their pool.</summary>
    public required string Path { get; init; }

    /// <summary>The cluster or standalone host whose capacity the pool divides.</summary>
    public string? Owner { get; init; }

    /// <summary>The parent pool's path; null for a root pool.</summary>
    public string? Parent { get; init; }

    /// <summary>CPU allocation, in MHz.</summary>
    public required ResourceAllocation Cpu { get; init; }

    /// <summary>Memory allocation, in MiB.</summary>
    public required ResourceAllocation Memory { get; init; }

    /// <summary>How many VMs sit directly in it.</summary>
    public int Vms { get; init; }

    /// <summary>How many pools sit directly in it.</summary>
    public int Pools { get; init; }
}
