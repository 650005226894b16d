namespace VmwareMcp.Abstractions.Inventory;

/// <summary>A compute cluster.</summary>
/// <param name="Id">Managed object id.</param>
/// <param name="Name">Name.</param>
/// <param name="HostCount">Hosts in the cluster.</param>
/// <param name="TotalCpuMhz">Aggregate CPU capacity in MHz.</param>
/// <param name="TotalMemoryBytes">Aggregate memory in bytes.</param>
/// <param name="DrsEnabled">Whether DRS is on.</param>
/// <param name="HaEnabled">Whether vSphere HA is on.</param>
public sealed record ClusterInfo(string Id, string Name, int HostCount, long TotalCpuMhz, long TotalMemoryBytes, bool DrsEnabled, bool HaEnabled);
