using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Metrics;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>MCP tools for live metrics.</summary>
[McpServerToolType]
public sealed class TelemetryTools(ITargetProviders targets)
{
    private const string TargetHelp = "Configured target name (see list_targets); optional when only one is configured.";

    /// <summary>MCP: VM metrics.</summary>
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "get_vm_metrics", Title = "VM performance metrics", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Current CPU (percent, MHz), memory (percent, MiB), storage (bytes, per datastore) and network (KB/s, per NIC) of one VM, or of every VM when 'vm' is omitted (at most 'limit').")]
    public async Task<IReadOnlyList<VmMetrics>> GetVmMetrics(
        [Description("VM id or exact name; omit for every VM.")] string? vm = null,
        [Description("At most this many VMs when 'vm' is omitted, 1-1000; default 50."), System.ComponentModel.DataAnnotations.Range(1, 1000)] int limit = 50,
        [Description(TargetHelp)] string? target = null,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 1000)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"limit must be between 1 and 1000, got {limit}");
        }

        var metrics = await (await MetricsSources.ForAsync(targets, target, cancellationToken)).GetVmMetricsAsync(vm is null ? null : [vm], cancellationToken);
        return metrics.Take(limit).ToList();
    }

    /// <summary>MCP: host metrics.</summary>
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "get_host_metrics", Title = "Host performance metrics", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("CPU (MHz, percent) and memory (MiB, percent) usage and capacity, and uptime (seconds), of one host or every host.")]
    public async Task<IReadOnlyList<HostMetrics>> GetHostMetrics(
        [Description("Host name or id; omit for every host.")] string? host = null,
        [Description(TargetHelp)] string? target = null,
        CancellationToken cancellationToken = default)
    {
        var hosts = await (await MetricsSources.ForAsync(targets, target, cancellationToken)).GetHostMetricsAsync(cancellationToken);
        var chosen = hosts.Where(h => host is null || h.Name == host || h.Id == host).ToList();
        return chosen.Count > 0 || host is null ? chosen : throw new HypervisorException(HypervisorErrorKind.NotFound, $"no host named '{host}'");
    }

    /// <summary>MCP: datastore usage.</summary>
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "get_datastore_usage", Title = "Datastore capacity and usage", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Capacity, free and provisioned space (bytes) and percent used of every datastore.")]
    public async Task<IReadOnlyList<DatastoreMetrics>> GetDatastoreUsage(
        [Description(TargetHelp)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await MetricsSources.ForAsync(targets, target, cancellationToken)).GetDatastoreMetricsAsync(cancellationToken);

    /// <summary>MCP: the counter catalogue.</summary>
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_performance_counters", Title = "List performance counters", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The endpoint's performance counters as group.name.rollup with unit and statistics level, optionally only one group (cpu, mem, net, disk, …).")]
    public async Task<IReadOnlyList<CounterInfo>> ListPerformanceCounters(
        [Description("Only counters of this group, for example cpu.")] string? group = null,
        [Description(TargetHelp)] string? target = null,
        CancellationToken cancellationToken = default) =>
        (await (await MetricsSources.ForAsync(targets, target, cancellationToken)).ListCountersAsync(cancellationToken))
            .Where(c => group is null || c.Name.StartsWith(group + ".", StringComparison.OrdinalIgnoreCase)).ToList();
}
