namespace VmwareMcp.Abstractions.Metrics;

/// <summary>One datastore's space.</summary>
/// <param name="Id">Datastore id.</param>
/// <param name="Name">Datastore name.</param>
/// <param name="SampledAt">When read.</param>
/// <param name="CapacityBytes">Capacity.</param>
/// <param name="FreeBytes">Free space.</param>
/// <param name="ProvisionedBytes">Used plus what thin disks may still claim.</param>
/// <param name="UsedPercent">Used space in percent of capacity.</param>
public sealed record DatastoreMetrics(string Id, string Name, DateTimeOffset SampledAt, long CapacityBytes, long FreeBytes, long ProvisionedBytes, double UsedPercent);
