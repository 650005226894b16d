namespace VmwareMcp.Abstractions.Metrics;

/// <summary>One host's usage and capacity.</summary>
/// <param name="Id">Host id.</param>
/// <param name="Name">Host name.</param>
/// <param name="SampledAt">When read.</param>
/// <param name="CpuUsageMhz">CPU in use, MHz.</param>
/// <param name="CpuCapacityMhz">Cores × clock, MHz.</param>
/// <param name="CpuUsagePercent">Usage in percent of capacity.</param>
/// <param name="MemoryUsageMib">Memory in use, MiB.</param>
/// <param name="MemoryCapacityMib">Physical memory, MiB.</param>
/// <param name="MemoryUsagePercent">Usage in percent of capacity.</param>
/// <param name="UptimeSeconds">Seconds since boot.</param>
public sealed record HostMetrics(
    string Id, string Name, DateTimeOffset SampledAt, long CpuUsageMhz, long CpuCapacityMhz, double CpuUsagePercent,
    long MemoryUsageMib, long MemoryCapacityMib, double MemoryUsagePercent, long? UptimeSeconds);
