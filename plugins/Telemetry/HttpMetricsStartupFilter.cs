using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Prometheus;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>Adds the host's request metrics (count, duration by route and status) to this plugin's registry.</summary>
internal sealed class HttpMetricsStartupFilter(TelemetryExporter exporter) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseHttpMetrics(options => options.SetMetricFactory(exporter.Factory));
        next(app);
    };
}
