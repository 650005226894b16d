namespace VmwareMcp.Abstractions.Inventory;

/// <summary>An ESXi host.</summary>
/// <param name="Id">Managed object id.</param>
/// <param name="Name">Name (usually its DNS name or address).</param>
/// <param name="Cluster">The cluster's name, or null for a standalone host.</param>
/// <param name="ConnectionState"><c>connected</c>, <c>disconnected</c> or <c>notResponding</c>.</param>
/// <param name="PowerState"><c>poweredOn</c>, <c>poweredOff</c>, <c>standBy</c> or <c>unknown</c>.</param>
/// <param name="InMaintenanceMode">Whether it is in maintenance mode.</param>
/// <param name="Vendor">Hardware vendor.</param>
/// <param name="Model">Hardware model.</param>
/// <param name="CpuModel">CPU model.</param>
/// <param name="CpuCores">Physical cores.</param>
/// <param name="CpuThreads">Hardware threads.</param>
/// <param name="CpuMhz">Clock per core in MHz.</param>
/// <param name="MemoryBytes">Physical memory in bytes.</param>
/// <param name="Version">ESXi version.</param>
/// <param name="Build">ESXi build.</param>
/// <param name="UptimeSeconds">Seconds since boot, when known.</param>
public sealed record HostInfo(
    string Id, string Name, string? Cluster, string ConnectionState, string PowerState, bool InMaintenanceMode,
    string? Vendor, string? Model, string? CpuModel, int CpuCores, int CpuThreads, int CpuMhz, long MemoryBytes,
    string? Version, string? Build, long? UptimeSeconds);
