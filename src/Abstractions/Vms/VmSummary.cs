namespace VmwareMcp.Abstractions.Vms;

/// <summary>One row of a VM list: what is cheap to read for thousands of VMs in one round trip.</summary>
public sealed record VmSummary
{
    /// <summary>Managed object id.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary><c>poweredOn</c>, <c>poweredOff</c> or <c>suspended</c>.</summary>
    public required string PowerState { get; init; }

    /// <summary>Whether it is a template.</summary>
    public bool IsTemplate { get; init; }

    /// <summary>vCPUs.</summary>
    public int NumCpu { get; init; }

    /// <summary>Memory in MiB.</summary>
    public int MemoryMib { get; init; }

    /// <summary>Configured guest OS id.</summary>
    public string? GuestId { get; init; }

    /// <summary>Primary IP reported by VMware Tools, if any.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Host name.</summary>
    public string? Host { get; init; }

    /// <summary>Cluster name, or null.</summary>
    public string? Cluster { get; init; }

    /// <summary>Inventory path of the folder it sits in, e.g. <c>/DC0/vm/web</c>; null when the provider has no folders. Since 2.4.</summary>
    public string? Folder { get; init; }

    /// <summary>Inventory path of its resource pool, e.g. <c>/DC0/host/DC0_C0/Resources/batch</c>; null for a template. Since 2.4.</summary>
    public string? ResourcePool { get; init; }

    /// <summary>Custom attribute values by attribute name; empty when none is set. Since 2.4.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
