namespace VmwareMcp.Abstractions.Vms;

/// <summary>Everything an operator asks about one VM.</summary>
public sealed record VmDetails
{
    /// <summary>Managed object id.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary><c>poweredOn</c>, <c>poweredOff</c> or <c>suspended</c>.</summary>
    public required string PowerState { get; init; }

    /// <summary>Whether it is a template.</summary>
    public bool IsTemplate { get; init; }

    /// <summary>Configured guest OS id.</summary>
    public string? GuestId { get; init; }

    /// <summary>Guest OS as reported.</summary>
    public string? GuestFullName { get; init; }

    /// <summary>vCPUs.</summary>
    public int NumCpu { get; init; }

    /// <summary>Memory in MiB.</summary>
    public int MemoryMib { get; init; }

    /// <summary>BIOS UUID.</summary>
    public string? Uuid { get; init; }

    /// <summary>vCenter instance UUID.</summary>
    public string? InstanceUuid { get; init; }

    /// <summary>Primary IP reported by VMware Tools.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Guest host name reported by VMware Tools.</summary>
    public string? HostName { get; init; }

    /// <summary>VMware Tools running state.</summary>
    public string? ToolsStatus { get; init; }

    /// <summary>Host name.</summary>
    public string? Host { get; init; }

    /// <summary>Cluster name, or null.</summary>
    public string? Cluster { get; init; }

    /// <summary>Inventory path of the folder it sits in (<c>/DC0/vm/web</c>). Since 2.4.</summary>
    public string? Folder { get; init; }

    /// <summary>Inventory path of its resource pool; null for a template. Since 2.4.</summary>
    public string? ResourcePool { get; init; }

    /// <summary>Custom attribute values by attribute name; empty when none is set. Since 2.4.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The vSphere tags it carries, each <c>category:tag</c>, read when the VM was; empty on a host without tagging. Since 2.4.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Names of the datastores it uses.</summary>
    public IReadOnlyList<string> Datastores { get; init; } = [];

    /// <summary>Virtual disks.</summary>
    public IReadOnlyList<VmDisk> Disks { get; init; } = [];

    /// <summary>Network adapters.</summary>
    public IReadOnlyList<VmNic> Nics { get; init; } = [];

    /// <summary>Disk controllers (SCSI, SATA, NVMe, IDE) and how full each is. Since 2.5.</summary>
    public IReadOnlyList<VmController> Controllers { get; init; } = [];

    /// <summary>CD-ROM drives and their media. Since 2.5.</summary>
    public IReadOnlyList<VmCdrom> Cdroms { get; init; } = [];

    /// <summary>The virtual hardware version, for example <c>vmx-13</c>. Since 2.5.</summary>
    public string? HardwareVersion { get; init; }

    /// <summary>The notes field.</summary>
    public string? Annotation { get; init; }

    /// <summary>Snapshots, flat, each naming its parent.</summary>
    public IReadOnlyList<SnapshotInfo> Snapshots { get; init; } = [];

    /// <summary>Id of the current snapshot, or null.</summary>
    public string? CurrentSnapshot { get; init; }
}
