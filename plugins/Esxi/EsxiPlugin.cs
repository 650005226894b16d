using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Plugins;

namespace VmwareMcp.Plugins.Esxi;

/// <summary>Entry point: the host finds <see cref="EsxiProviderFactory"/>; the shared front door serves its targets.</summary>
public sealed class EsxiPlugin : IVmwareMcpPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddMcpServer().WithTools<EsxiHostTools>(ContractJson.Options);

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Every ESXi operation is served by the host's front door; this plugin adds no routes of its own.
    }
}
