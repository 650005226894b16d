namespace VmwareMcp.Abstractions.Metrics;

/// <summary>One VM's latest sample. Units are in the names; null means the endpoint reported nothing.</summary>
public sealed record VmMetrics
{
    /// <summary>VM id.</summary>
    public required string Id { get; init; }

    /// <summary>VM name.</summary>
    public required string Name { get; init; }

    /// <summary>Power state when sampled (powered-off VMs have no realtime counters).</summary>
    public required string PowerState { get; init; }

    /// <summary>When the sample was taken.</summary>
    public required DateTimeOffset SampledAt { get; init; }

    /// <summary>CPU usage in percent of the VM's vCPUs (<c>cpu.usage.average</c>).</summary>
    public double? CpuUsagePercent { get; init; }

    /// <summary>CPU usage in MHz (quickStats <c>overallCpuUsage</c>).</summary>
    public long? CpuUsageMhz { get; init; }

    /// <summary>Active memory in percent of configured (<c>mem.usage.average</c>).</summary>
    public double? MemoryUsagePercent { get; init; }

    /// <summary>Host memory consumed in MiB (<c>mem.consumed.average</c>).</summary>
    public long? MemoryConsumedMib { get; init; }

    /// <summary>Active guest memory in MiB (quickStats <c>guestMemoryUsage</c>).</summary>
    public long? MemoryActiveMib { get; init; }

    /// <summary>Host memory used in MiB (quickStats <c>hostMemoryUsage</c>).</summary>
    public long? HostMemoryUsageMib { get; init; }

    /// <summary>Bytes the VM occupies on datastores.</summary>
    public long? StorageCommittedBytes { get; init; }

    /// <summary>Bytes it could still grow into (thin disks).</summary>
    public long? StorageUncommittedBytes { get; init; }

    /// <summary>Committed bytes per datastore.</summary>
    public IReadOnlyList<DatastoreShare> Datastores { get; init; } = [];

    /// <summary>Received KB/s summed over NICs (<c>net.received.average</c>).</summary>
    public long? NetworkReceivedKBps { get; init; }

    /// <summary>Transmitted KB/s summed over NICs (<c>net.transmitted.average</c>).</summary>
    public long? NetworkTransmittedKBps { get; init; }

    /// <summary>Per-NIC throughput, by device instance.</summary>
    public IReadOnlyList<NicThroughput> Nics { get; init; } = [];
}

/// <summary>What a VM occupies on one datastore.</summary>
/// <param name="Datastore">Datastore name.</param>
/// <param name="CommittedBytes">Bytes used there.</param>
public sealed record DatastoreShare(string Datastore, long CommittedBytes);

/// <summary>One NIC's throughput.</summary>
/// <param name="Instance">The device instance vSphere reports (for example <c>4000</c>).</param>
/// <param name="ReceivedKBps">Received KB/s.</param>
/// <param name="TransmittedKBps">Transmitted KB/s.</param>
public sealed record NicThroughput(string Instance, long? ReceivedKBps, long? TransmittedKBps);
