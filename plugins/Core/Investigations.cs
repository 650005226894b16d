using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Metrics;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// Reads a VM's or a host's state, events, tasks, alarms, metrics and storage at once: small models chain
/// many tools badly, and one bounded answer serves them. A section the target cannot give is named in
/// <c>unavailable</c>, not a failure of the whole call.
/// </summary>
internal static class Investigations
{
    /// <summary>Most events and tasks each section holds.</summary>
    public const int MaxItems = 20;

    public static async Task<VmInvestigation> VmAsync(IHypervisorProvider provider, string vm, TimeProvider time, CancellationToken cancellationToken)
    {
        var details = await provider.GetVmAsync(vm, cancellationToken);
        var unavailable = new List<string>();
        var operations = provider.Operations;
        var events = await SectionAsync<IReadOnlyList<EventInfo>>("recent_events", unavailable, [], operations is null ? null : async () =>
            (await operations.QueryEventsAsync(new EventQuery { Entity = details.Id, Limit = MaxItems }, cancellationToken)).Items);
        var tasks = await SectionAsync<IReadOnlyList<TaskSummary>>("recent_tasks", unavailable, [], operations is null ? null : async () =>
            (await operations.ListRecentTasksAsync(cancellationToken)).Where(t => t.EntityId == details.Id).Take(MaxItems).ToList());
        var alarms = await SectionAsync<IReadOnlyList<AlarmInfo>>("alarms", unavailable, [], operations is null ? null : async () =>
            (await operations.ListTriggeredAlarmsAsync(cancellationToken)).Where(a => a.EntityId == details.Id || (details.Host is not null && a.EntityName == details.Host)).ToList());
        var metrics = await SectionAsync<VmMetrics?>("metrics", unavailable, null, provider.Metrics is not { } source ? null : async () =>
            (await source.GetVmMetricsAsync([details.Id], cancellationToken)).FirstOrDefault());
        var datastores = await SectionAsync<IReadOnlyList<DatastoreInfo>>("datastores", unavailable, [], async () =>
            (await provider.ListDatastoresAsync(cancellationToken)).Where(d => details.Datastores.Contains(d.Name)).ToList());
        var oldest = details.Snapshots.Select(s => s.CreatedAt).Where(c => c is not null).Min();
        return new VmInvestigation
        {
            Vm = details, RecentEvents = events, RecentTasks = tasks, Alarms = alarms, Metrics = metrics, Datastores = datastores,
            SnapshotCount = details.Snapshots.Count,
            OldestSnapshotHours = oldest is { } taken ? Math.Round((time.GetUtcNow() - taken).TotalHours, 1) : null,
            Unavailable = unavailable,
        };
    }

    public static async Task<HostInvestigation> HostAsync(IHypervisorProvider provider, string host, CancellationToken cancellationToken)
    {
        var operations = provider.Operations
            ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{provider.Target.Name}' does not report host health");
        var health = await operations.GetHostHealthAsync(host, cancellationToken);
        var unavailable = new List<string>();
        var info = await SectionAsync<HostInfo?>("host", unavailable, null, async () => (await provider.ListHostsAsync(cancellationToken)).FirstOrDefault(h => h.Id == health.Id));
        var events = await SectionAsync<IReadOnlyList<EventInfo>>("recent_events", unavailable, [], async () =>
            (await operations.QueryEventsAsync(new EventQuery { Entity = health.Id, Limit = MaxItems }, cancellationToken)).Items);
        var tasks = await SectionAsync<IReadOnlyList<TaskSummary>>("recent_tasks", unavailable, [], async () =>
            (await operations.ListRecentTasksAsync(cancellationToken)).Where(t => t.EntityId == health.Id).Take(MaxItems).ToList());
        var alarms = await SectionAsync<IReadOnlyList<AlarmInfo>>("alarms", unavailable, [], async () =>
            (await operations.ListTriggeredAlarmsAsync(cancellationToken)).Where(a => a.EntityId == health.Id).ToList());
        var metrics = await SectionAsync<HostMetrics?>("metrics", unavailable, null, provider.Metrics is not { } source ? null : async () =>
            (await source.GetHostMetricsAsync(cancellationToken)).FirstOrDefault(m => m.Id == health.Id));
        var vms = await SectionAsync<VmPage?>("vms", unavailable, null, async () => await provider.ListVmsAsync(new VmQuery { Host = health.Name }, cancellationToken));
        return new HostInvestigation
        {
            Health = health, Host = info, RecentEvents = events, RecentTasks = tasks, Alarms = alarms, Metrics = metrics,
            Vms = vms?.Total ?? 0, PoweredOnVms = vms?.Items.Count(v => v.PowerState == "poweredOn") ?? 0,
            Unavailable = unavailable,
        };
    }

    /// <summary>One section, or <paramref name="fallback"/> with the reason kept when the target cannot give it.</summary>
    private static async Task<T> SectionAsync<T>(string name, List<string> unavailable, T fallback, Func<Task<T>>? read)
    {
        if (read is null)
        {
            unavailable.Add($"{name}: the target does not report it");
            return fallback;
        }

        try
        {
            return await read();
        }
        catch (HypervisorException ex)
        {
            unavailable.Add($"{name}: {ex.Kind}: {ex.Message}");
            return fallback;
        }
    }
}
