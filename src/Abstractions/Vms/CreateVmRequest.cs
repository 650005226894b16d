namespace VmwareMcp.Abstractions.Vms;

/// <summary>A new VM, with the original's body names (<c>vm_label</c>, <c>vcpus</c>, <c>ram_mib</c>, <c>target_ds</c>, <c>target_net</c>).</summary>
public sealed record CreateVmRequest
{
    /// <summary>The VM's name.</summary>
    public required string VmLabel { get; init; }

    /// <summary>vCPUs (default 1).</summary>
    public int? Vcpus { get; init; }

    /// <summary>Memory in MiB (default 1024).</summary>
    public int? RamMib { get; init; }

    /// <summary>Datastore; default the target's <c>resource_storage</c>, else the one with the most free space.</summary>
    public string? TargetDs { get; init; }

    /// <summary>Network; default the target's <c>default_port_group</c>.</summary>
    public string? TargetNet { get; init; }

    /// <summary>Size of a new thin disk in GiB; none when null or 0.</summary>
    public int? DiskGb { get; init; }

    /// <summary>Guest OS id (default <c>otherGuest64</c>).</summary>
    public string? GuestId { get; init; }

    /// <summary>VM folder name; default the datacenter's VM folder.</summary>
    public string? Folder { get; init; }

    /// <summary>Cluster name; default the target's <c>resource_compute_pool</c>, else the first cluster.</summary>
    public string? Cluster { get; init; }

    /// <summary>Resource pool name, instead of a cluster's root pool.</summary>
    public string? ResourcePool { get; init; }

    /// <summary>Power the VM on once created.</summary>
    public bool PowerOn { get; init; }
}
