using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Metrics;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>Everything a first look at a VM needs, in one bounded answer (<c>investigate_vm</c>).</summary>
public sealed record VmInvestigation
{
    /// <summary>The VM in detail.</summary>
    public required VmDetails Vm { get; init; }

    /// <summary>Its newest events, newest first (at most <see cref="Investigations.MaxItems"/>).</summary>
    public IReadOnlyList<EventInfo> RecentEvents { get; init; } = [];

    /// <summary>Recent and running tasks on it.</summary>
    public IReadOnlyList<TaskSummary> RecentTasks { get; init; } = [];

    /// <summary>Triggered alarms on the VM or on its host.</summary>
    public IReadOnlyList<AlarmInfo> Alarms { get; init; } = [];

    /// <summary>Its current CPU, memory, storage and network figures; null where the target has no metrics.</summary>
    public VmMetrics? Metrics { get; init; }

    /// <summary>How many snapshots it has.</summary>
    public int SnapshotCount { get; init; }

    /// <summary>Age of its oldest snapshot in hours; null without snapshots. Old snapshots grow and slow the VM.</summary>
    public double? OldestSnapshotHours { get; init; }

    /// <summary>The datastores it uses, with their capacity and free space.</summary>
    public IReadOnlyList<DatastoreInfo> Datastores { get; init; } = [];

    /// <summary>Sections that could not be read, each with why (a target without alarms or metrics, say).</summary>
    public IReadOnlyList<string> Unavailable { get; init; } = [];
}

/// <summary>Everything a first look at a host needs, in one bounded answer (<c>investigate_host</c>).</summary>
public sealed record HostInvestigation
{
    /// <summary>The host's state, sensors and services.</summary>
    public required HostHealth Health { get; init; }

    /// <summary>Its hardware, version and uptime.</summary>
    public HostInfo? Host { get; init; }

    /// <summary>Its newest events, newest first.</summary>
    public IReadOnlyList<EventInfo> RecentEvents { get; init; } = [];

    /// <summary>Recent and running tasks on it.</summary>
    public IReadOnlyList<TaskSummary> RecentTasks { get; init; } = [];

    /// <summary>Triggered alarms on the host.</summary>
    public IReadOnlyList<AlarmInfo> Alarms { get; init; } = [];

    /// <summary>Its current CPU and memory figures; null where the target has no metrics.</summary>
    public HostMetrics? Metrics { get; init; }

    /// <summary>How many VMs run on it now, and how many are placed on it in all.</summary>
    public int PoweredOnVms { get; init; }

    /// <summary>VMs placed on it, whatever their power state.</summary>
    public int Vms { get; init; }

    /// <summary>Sections that could not be read, each with why.</summary>
    public IReadOnlyList<string> Unavailable { get; init; } = [];
}
