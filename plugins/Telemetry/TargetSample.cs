using VmwareMcp.Abstractions.Metrics;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>Everything one collection round read from one target.</summary>
/// <param name="Target">Target name.</param>
/// <param name="SampledAt">When the round ran.</param>
/// <param name="Vms">Every VM's metrics.</param>
/// <param name="Hosts">Every host's metrics.</param>
/// <param name="Datastores">Every datastore's metrics.</param>
public sealed record TargetSample(string Target, DateTimeOffset SampledAt, IReadOnlyList<VmMetrics> Vms, IReadOnlyList<HostMetrics> Hosts, IReadOnlyList<DatastoreMetrics> Datastores);

/// <summary>Whether a target's data is current.</summary>
/// <param name="Target">Target name.</param>
/// <param name="Stale">True when the last round failed; the data shown is from before.</param>
/// <param name="Error">Why the last round failed.</param>
/// <param name="LastSampleAt">When the last good round ran.</param>
public sealed record TargetTelemetryStatus(string Target, bool Stale, string? Error, DateTimeOffset? LastSampleAt);
