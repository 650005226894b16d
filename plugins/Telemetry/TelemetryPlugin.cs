using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Plugins;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>Entry point of the telemetry plugin.</summary>
public sealed class TelemetryPlugin : IVmwareMcpPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddMcpServer().WithTools<DatastoreUsageTools>(ContractJson.Options);

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/metrics/v1/datastores", DatastoreUsageTools.UsageRoute)
            .WithName("get_datastore_usage")
            .WithSummary("Capacity, free space and percent used of every datastore");
}
