using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Metrics;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>
/// REST and streaming surfaces: the original's <c>GET /metrics/v1/vm/{vm_name}/current</c>, history, hosts,
/// datastores, an SSE stream of samples, and Prometheus text at <c>/metrics</c>.
/// </summary>
internal static class TelemetryRoutes
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var metrics = endpoints.MapGroup("/metrics/v1").WithTags("Metrics");

        metrics.MapGet("/vm/{vm_name}/current", async (ITargetProviders targets, string vm_name, string? target, CancellationToken ct) =>
                (await (await MetricsSources.ForAsync(targets, target, ct)).GetVmMetricsAsync([vm_name], ct)).Single())
            .WithName("get_vm_metrics_current").WithSummary("A VM's latest metrics, read now");
        metrics.MapGet("/vms/current", async (ITargetProviders targets, string? target, CancellationToken ct) =>
                await (await MetricsSources.ForAsync(targets, target, ct)).GetVmMetricsAsync(null, ct))
            .WithName("get_all_vm_metrics_current").WithSummary("Every VM's latest metrics, in one batched read");
        metrics.MapGet("/vm/{vm_name}/history", (ITargetProviders targets, MetricsHistory history, IOptions<TelemetryOptions> options, TimeProvider time, string vm_name, int? minutes, string? target) =>
                History(targets, history, options.Value, time, target, minutes, s => s.Vms.Where(v => v.Name == vm_name || v.Id == vm_name), $"VM '{vm_name}'"))
            .Produces<List<VmMetrics>>().WithName("get_vm_metrics_history").WithSummary("A VM's collected samples over the last minutes");

        metrics.MapGet("/host/{host_name}/current", async (ITargetProviders targets, string host_name, string? target, CancellationToken ct) =>
                (await (await MetricsSources.ForAsync(targets, target, ct)).GetHostMetricsAsync(ct)).FirstOrDefault(h => h.Name == host_name || h.Id == host_name)
                ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no host named '{host_name}'"))
            .WithName("get_host_metrics_current").WithSummary("A host's latest metrics, read now");
        metrics.MapGet("/hosts/current", async (ITargetProviders targets, string? target, CancellationToken ct) =>
                await (await MetricsSources.ForAsync(targets, target, ct)).GetHostMetricsAsync(ct))
            .WithName("get_all_host_metrics_current").WithSummary("Every host's latest metrics");
        metrics.MapGet("/host/{host_name}/history", (ITargetProviders targets, MetricsHistory history, IOptions<TelemetryOptions> options, TimeProvider time, string host_name, int? minutes, string? target) =>
                History(targets, history, options.Value, time, target, minutes, s => s.Hosts.Where(h => h.Name == host_name || h.Id == host_name), $"host '{host_name}'"))
            .Produces<List<HostMetrics>>().WithName("get_host_metrics_history").WithSummary("A host's collected samples over the last minutes");

        metrics.MapGet("/datastore/{datastore_name}/current", async (ITargetProviders targets, string datastore_name, string? target, CancellationToken ct) =>
                (await (await MetricsSources.ForAsync(targets, target, ct)).GetDatastoreMetricsAsync(ct)).FirstOrDefault(d => d.Name == datastore_name || d.Id == datastore_name)
                ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no datastore named '{datastore_name}'"))
            .WithName("get_datastore_metrics_current").WithSummary("A datastore's latest capacity and usage");
        metrics.MapGet("/datastores/current", async (ITargetProviders targets, string? target, CancellationToken ct) =>
                await (await MetricsSources.ForAsync(targets, target, ct)).GetDatastoreMetricsAsync(ct))
            .WithName("get_all_datastore_metrics_current").WithSummary("Every datastore's latest capacity and usage");
        metrics.MapGet("/datastore/{datastore_name}/history", (ITargetProviders targets, MetricsHistory history, IOptions<TelemetryOptions> options, TimeProvider time, string datastore_name, int? minutes, string? target) =>
                History(targets, history, options.Value, time, target, minutes, s => s.Datastores.Where(d => d.Name == datastore_name || d.Id == datastore_name), $"datastore '{datastore_name}'"))
            .Produces<List<DatastoreMetrics>>().WithName("get_datastore_metrics_history").WithSummary("A datastore's collected samples over the last minutes");

        metrics.MapGet("/status", (ITargetProviders targets, MetricsHistory history) =>
                history.Statuses().Where(s => targets.MayAccess(s.Target)).ToList()).WithName("get_telemetry_status")
            .WithSummary("Per target: whether metrics are current or stale, and why");
        metrics.MapGet("/stream", (ITargetProviders targets, MetricsFeed feed, string? target, string? vm, string? host, CancellationToken ct) =>
                TypedResults.ServerSentEvents(Stream(feed, MetricsSources.Visible(targets), target is null ? null : MetricsSources.Resolve(targets, target), vm, host, ct)))
            .WithName("stream_metrics").WithSummary("Server-sent events: each new sample ('sample') and target state change ('status')");

        endpoints.MapGet("/metrics", async (HttpContext context, ITargetProviders targets, TelemetryExporter exporter) =>
            {
                context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await exporter.ExportAsync(context.Response.Body, MetricsSources.Visible(targets), context.RequestAborted);
            })
            .WithTags("Metrics").Produces<string>(StatusCodes.Status200OK, "text/plain").WithName("prometheus_metrics").WithSummary("Prometheus text exposition");
    }

    private static IResult History<T>(ITargetProviders targets, MetricsHistory history, TelemetryOptions options, TimeProvider time, string? target, int? minutes, Func<TargetSample, IEnumerable<T>> select, string what)
    {
        var window = minutes ?? options.HistoryMinutes;
        if (window < 1 || window > options.HistoryMinutes)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"minutes must be between 1 and {options.HistoryMinutes} (telemetry_history_minutes)");
        }

        var name = MetricsSources.Resolve(targets, target);
        var points = history.Since(name, time.GetUtcNow().AddMinutes(-window)).SelectMany(select).ToList();
        if (points.Count == 0 && history.Latest(name) is { } latest && !select(latest).Any())
        {
            throw new HypervisorException(HypervisorErrorKind.NotFound, $"no {what} in the metrics of target '{name}'");
        }

        return Results.Ok(points);
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(MetricsFeed feed, HashSet<string> visible, string? target, string? vm, string? host, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in feed.SubscribeAsync(cancellationToken))
        {
            switch (item)
            {
                case TargetSample sample when visible.Contains(sample.Target) && (target is null || string.Equals(sample.Target, target, StringComparison.OrdinalIgnoreCase)):
                    var filtered = sample with
                    {
                        Vms = sample.Vms.Where(v => vm is null || v.Name == vm || v.Id == vm).Where(v => host is null || vm is not null).ToList(),
                        Hosts = sample.Hosts.Where(h => host is null || h.Name == host || h.Id == host).ToList(),
                    };
                    yield return new SseItem<string>(JsonSerializer.Serialize(filtered, ContractJson.Options), "sample");
                    break;
                case TargetTelemetryStatus status when visible.Contains(status.Target) && (target is null || string.Equals(status.Target, target, StringComparison.OrdinalIgnoreCase)):
                    yield return new SseItem<string>(JsonSerializer.Serialize(status, ContractJson.Options), "status");
                    break;
            }
        }
    }
}
