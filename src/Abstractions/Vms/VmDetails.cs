namespace VmwareMcp.Abstractions.Vms;

/// <summary>Everything an operator asks about one VM.</summary>
/// <param name="Id">Managed object id.</param>
/// <param name="Name">Display name.</param>
/// <param name="PowerState"><c>poweredOn</c>, <c>poweredOff</c> or <c>suspended</c>.</param>
/// <param name="IsTemplate">Whether it is a template.</param>
/// <param name="GuestId">Configured guest OS id.</param>
/// <param name="GuestFullName">Guest OS as reported.</param>
/// <param name="NumCpu">vCPUs.</param>
/// <param name="MemoryMib">Memory in MiB.</param>
/// <param name="Uuid">BIOS UUID.</param>
/// <param name="InstanceUuid">vCenter instance UUID.</param>
/// <param name="IpAddress">Primary IP reported by VMware Tools.</param>
/// <param name="HostName">Guest host name reported by VMware Tools.</param>
/// <param name="ToolsStatus">VMware Tools running state.</param>
/// <param name="Host">Host name.</param>
/// <param name="Cluster">Cluster name, or null.</param>
/// <param name="Datastores">Names of the datastores it uses.</param>
/// <param name="Disks">Virtual disks.</param>
/// <param name="Nics">Network adapters.</param>
/// <param name="Annotation">The notes field.</param>
/// <param name="Snapshots">Snapshots, flat, each naming its parent.</param>
/// <param name="CurrentSnapshot">Id of the current snapshot, or null.</param>
public sealed record VmDetails(
    string Id, string Name, string PowerState, bool IsTemplate, string? GuestId, string? GuestFullName,
    int NumCpu, int MemoryMib, string? Uuid, string? InstanceUuid, string? IpAddress, string? HostName,
    string? ToolsStatus, string? Host, string? Cluster, IReadOnlyList<string> Datastores,
    IReadOnlyList<VmDisk> Disks, IReadOnlyList<VmNic> Nics, string? Annotation,
    IReadOnlyList<SnapshotInfo> Snapshots, string? CurrentSnapshot);
