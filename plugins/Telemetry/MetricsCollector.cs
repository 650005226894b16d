using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Metrics;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>
/// Samples every target each <see cref="TelemetryOptions.IntervalSeconds"/>. A target that stops
/// answering is logged once and marked stale; its data is kept and collection resumes when it answers.
/// </summary>
internal sealed partial class MetricsCollector(
    ITargetProviders targets,
    MetricsHistory history,
    MetricsFeed feed,
    TelemetryExporter exporter,
    IOptions<TelemetryOptions> options,
    TimeProvider time,
    ILogger<MetricsCollector> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var target in targets.Targets)
        {
            exporter.Known(target.Name);
        }

        // The first round waits one interval too: start-up stays fast and its own calls are not delayed.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await Task.WhenAll(targets.Targets.Select(t => CollectAsync(t.Name, stoppingToken)));
        }
    }

    private async Task CollectAsync(string target, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var provider = await targets.GetAsync(target, cancellationToken);
            if (provider.Metrics is not { } source)
            {
                return;
            }

            var placement = PlacementAsync(provider, cancellationToken);
            var vms = source.GetVmMetricsAsync(null, cancellationToken);
            var hosts = source.GetHostMetricsAsync(cancellationToken);
            var datastores = source.GetDatastoreMetricsAsync(cancellationToken);
            var sample = new TargetSample(target, time.GetUtcNow(), await vms, await hosts, await datastores);
            history.Add(sample);
            exporter.Record(sample, await placement, time.GetElapsedTime(started));
            var status = new TargetTelemetryStatus(target, false, null, sample.SampledAt);
            if (history.SetStatus(status) is { Stale: true })
            {
                LogResumed(logger, target);
                feed.Publish(status);
            }

            feed.Publish(sample);
        }
        catch (HypervisorException ex)
        {
            exporter.RecordFailure(target);
            var status = new TargetTelemetryStatus(target, true, ex.Message, history.Latest(target)?.SampledAt);
            if (history.SetStatus(status) is not { Stale: true })
            {
                LogStale(logger, target, ex.Message);
                feed.Publish(status);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Where each VM runs, from the live inventory cache only: without a warm cache the list would be one more
    /// full vSphere read per round, so the info series waits for the cache. A provider without a VM list still
    /// has its metrics collected: its VMs just get no info series.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, VmSummary>> PlacementAsync(IHypervisorProvider provider, CancellationToken cancellationToken)
    {
        if (provider.InventoryCache?.CacheState != "warm")
        {
            return new Dictionary<string, VmSummary>();
        }

        try
        {
            return (await provider.ListVmsAsync(new VmQuery(), cancellationToken)).Items.ToDictionary(v => v.Id, StringComparer.Ordinal);
        }
        catch (HypervisorException)
        {
            return new Dictionary<string, VmSummary>();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry for target {Target} is stale: {Reason}")]
    private static partial void LogStale(ILogger logger, string target, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telemetry for target {Target} resumed")]
    private static partial void LogResumed(ILogger logger, string target);
}
