using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddSingleton<MetricsHistory>();
        services.AddSingleton<MetricsFeed>();
        services.AddSingleton<TelemetryExporter>();
        services.AddSingleton<IStartupFilter, HttpMetricsStartupFilter>();
        services.AddHostedService<MetricsCollector>();
        services.AddMcpServer().WithTools<TelemetryTools>(ContractJson.Options);
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> ConfigurationKeys { get; } = ["telemetry_interval_seconds", "telemetry_history_minutes"];

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => TelemetryRoutes.Map(endpoints);
}
