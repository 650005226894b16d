namespace VmwareMcp.Abstractions.Vms;

/// <summary>One row of a VM list: what is cheap to read for thousands of VMs in one round trip.</summary>
/// <param name="Id">Managed object id.</param>
/// <param name="Name">Display name.</param>
/// <param name="PowerState"><c>poweredOn</c>, <c>poweredOff</c> or <c>suspended</c>.</param>
/// <param name="IsTemplate">Whether it is a template.</param>
/// <param name="NumCpu">vCPUs.</param>
/// <param name="MemoryMib">Memory in MiB.</param>
/// <param name="GuestId">Configured guest OS id.</param>
/// <param name="IpAddress">Primary IP reported by VMware Tools, if any.</param>
/// <param name="Host">Host name.</param>
/// <param name="Cluster">Cluster name, or null.</param>
public sealed record VmSummary(
    string Id, string Name, string PowerState, bool IsTemplate, int NumCpu, int MemoryMib,
    string? GuestId, string? IpAddress, string? Host, string? Cluster);
