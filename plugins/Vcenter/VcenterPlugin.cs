using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Plugins;

namespace VmwareMcp.Plugins.Vcenter;

/// <summary>Entry point: the provider factory is found by the host; this adds the vCenter-only tools and routes.</summary>
public sealed class VcenterPlugin : IVmwareMcpPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddMcpServer().WithTools<ClusterTools>(ContractJson.Options);

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/clusters", ClusterTools.ListClustersRoute)
            .WithTags("Clusters")
            .Produces<IReadOnlyList<VmwareMcp.Abstractions.Inventory.ClusterInfo>>()
            .WithName("list_clusters")
            .WithSummary("List a vCenter's compute clusters");
}
