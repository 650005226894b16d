using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>
/// The last <see cref="TelemetryOptions.HistoryMinutes"/> of samples per target, in memory and bounded;
/// long-term history is Prometheus's job.
/// </summary>
internal sealed class MetricsHistory(IOptions<TelemetryOptions> options)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TargetSample>> _samples = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TargetTelemetryStatus> _status = new(StringComparer.OrdinalIgnoreCase);

    public void Add(TargetSample sample)
    {
        var queue = _samples.GetOrAdd(sample.Target, _ => new ConcurrentQueue<TargetSample>());
        queue.Enqueue(sample);
        while (queue.Count > options.Value.HistoryCapacity && queue.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<TargetSample> Since(string target, DateTimeOffset since) =>
        _samples.TryGetValue(target, out var queue) ? queue.Where(s => s.SampledAt >= since).ToList() : [];

    public TargetSample? Latest(string target) => _samples.TryGetValue(target, out var queue) ? queue.LastOrDefault() : null;

    /// <summary>Records a target's state; returns the previous one (null the first time).</summary>
    public TargetTelemetryStatus? SetStatus(TargetTelemetryStatus status)
    {
        TargetTelemetryStatus? previous = null;
        _status.AddOrUpdate(status.Target, status, (_, old) =>
        {
            previous = old;
            return status;
        });
        return previous;
    }

    public IReadOnlyList<TargetTelemetryStatus> Statuses() => _status.Values.OrderBy(s => s.Target, StringComparer.Ordinal).ToList();
}
