using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Plugins;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>Entry point: continuous collection, metrics routes, SSE stream, Prometheus export and MCP tools.</summary>
public sealed class TelemetryPlugin : IVmwareMcpPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>()
            .Bind(configuration)
            .Validate(o => o.IntervalSeconds is >= 1 and <= 3600, "telemetry_interval_seconds must be between 1 and 3600")
            .Validate(o => o.HistoryMinutes is >= 1 and <= 1440, "telemetry_history_minutes must be between 1 and 1440")
            .ValidateOnStart();
        services.AddSingleton<MetricsHistory>();
        services.AddSingleton<MetricsFeed>();
        services.AddSingleton<TelemetryExporter>();
        services.AddSingleton<IStartupFilter, HttpMetricsStartupFilter>();
        services.AddHostedService<MetricsCollector>();
        services.AddMcpServer().WithTools<TelemetryTools>(ContractJson.Options);
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => TelemetryRoutes.Map(endpoints);
}
