namespace VmwareMcp.Abstractions.Metrics;

/// <summary>One VM's latest sample. Units are in the names; null means the endpoint reported nothing.</summary>
/// <param name="Id">VM id.</param>
/// <param name="Name">VM name.</param>
/// <param name="PowerState">Power state when sampled (powered-off VMs have no realtime counters).</param>
/// <param name="SampledAt">When the sample was taken.</param>
/// <param name="CpuUsagePercent">CPU usage in percent of the VM's vCPUs (<c>cpu.usage.average</c>).</param>
/// <param name="CpuUsageMhz">CPU usage in MHz (quickStats <c>overallCpuUsage</c>).</param>
/// <param name="MemoryUsagePercent">Active memory in percent of configured (<c>mem.usage.average</c>).</param>
/// <param name="MemoryConsumedMib">Host memory consumed in MiB (<c>mem.consumed.average</c>).</param>
/// <param name="MemoryActiveMib">Active guest memory in MiB (quickStats <c>guestMemoryUsage</c>).</param>
/// <param name="HostMemoryUsageMib">Host memory used in MiB (quickStats <c>hostMemoryUsage</c>).</param>
/// <param name="StorageCommittedBytes">Bytes the VM occupies on datastores.</param>
/// <param name="StorageUncommittedBytes">Bytes it could still grow into (thin disks).</param>
/// <param name="Datastores">Committed bytes per datastore.</param>
/// <param name="NetworkReceivedKBps">Received KB/s summed over NICs (<c>net.received.average</c>).</param>
/// <param name="NetworkTransmittedKBps">Transmitted KB/s summed over NICs (<c>net.transmitted.average</c>).</param>
/// <param name="Nics">Per-NIC throughput, by device instance.</param>
public sealed record VmMetrics(
    string Id, string Name, string PowerState, DateTimeOffset SampledAt,
    double? CpuUsagePercent, long? CpuUsageMhz, double? MemoryUsagePercent, long? MemoryConsumedMib, long? MemoryActiveMib,
    long? HostMemoryUsageMib, long? StorageCommittedBytes, long? StorageUncommittedBytes, IReadOnlyList<DatastoreShare> Datastores,
    long? NetworkReceivedKBps, long? NetworkTransmittedKBps, IReadOnlyList<NicThroughput> Nics);

/// <summary>What a VM occupies on one datastore.</summary>
/// <param name="Datastore">Datastore name.</param>
/// <param name="CommittedBytes">Bytes used there.</param>
public sealed record DatastoreShare(string Datastore, long CommittedBytes);

/// <summary>One NIC's throughput.</summary>
/// <param name="Instance">The device instance vSphere reports (for example <c>4000</c>).</param>
/// <param name="ReceivedKBps">Received KB/s.</param>
/// <param name="TransmittedKBps">Transmitted KB/s.</param>
public sealed record NicThroughput(string Instance, long? ReceivedKBps, long? TransmittedKBps);
