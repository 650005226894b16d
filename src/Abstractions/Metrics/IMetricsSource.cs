namespace VmwareMcp.Abstractions.Metrics;

/// <summary>
/// Performance data a provider can report; implemented beside <see cref="Providers.IHypervisorProvider"/>
/// by providers whose endpoint has it (the vSphere PerformanceManager and quickStats).
/// </summary>
/// <remarks>Each call is batched: metrics for N VMs never cost N round trips.</remarks>
public interface IMetricsSource
{
    /// <summary>The endpoint's performance counters (<c>group.name.rollup</c>, unit, level).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<CounterInfo>> ListCountersAsync(CancellationToken cancellationToken);

    /// <summary>The latest realtime sample for VMs: all of them when <paramref name="vms"/> is null.</summary>
    /// <param name="vms">VM ids or exact names, or null for every VM.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<VmMetrics>> GetVmMetricsAsync(IReadOnlyCollection<string>? vms, CancellationToken cancellationToken);

    /// <summary>CPU and memory usage and capacity, and uptime, of every host.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<HostMetrics>> GetHostMetricsAsync(CancellationToken cancellationToken);

    /// <summary>Capacity, free and provisioned space of every datastore.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<DatastoreMetrics>> GetDatastoreMetricsAsync(CancellationToken cancellationToken);
}
