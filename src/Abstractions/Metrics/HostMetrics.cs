namespace VmwareMcp.Abstractions.Metrics;

/// <summary>One host's usage and capacity.</summary>
public sealed record HostMetrics
{
    /// <summary>Host id.</summary>
    public required string Id { get; init; }

    /// <summary>Host name.</summary>
    public required string Name { get; init; }

    /// <summary>When read.</summary>
    public required DateTimeOffset SampledAt { get; init; }

    /// <summary>CPU in use, MHz.</summary>
    public long CpuUsageMhz { get; init; }

    /// <summary>Cores × clock, MHz.</summary>
    public long CpuCapacityMhz { get; init; }

    /// <summary>Usage in percent of capacity.</summary>
    public double CpuUsagePercent { get; init; }

    /// <summary>Memory in use, MiB.</summary>
    public long MemoryUsageMib { get; init; }

    /// <summary>Physical memory, MiB.</summary>
    public long MemoryCapacityMib { get; init; }

    /// <summary>Usage in percent of capacity.</summary>
    public double MemoryUsagePercent { get; init; }

    /// <summary>Seconds since boot.</summary>
    public long? UptimeSeconds { get; init; }
}
