using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Plugins;

namespace AcmeProvider;

/// <summary>
/// The plugin's entry point. The host creates it once, calls <see cref="ConfigureServices"/>, then
/// <see cref="MapEndpoints"/>. <see cref="AcmeProviderFactory"/> is found by the host on its own.
/// </summary>
public sealed class AcmeProviderPlugin : IVmwareMcpPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AcmeProviderInventory>();
        services.AddMcpServer().WithTools<AcmeProviderTools>(ContractJson.Options);
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/acmeprovider/status", (AcmeProviderInventory inventory) => Results.Ok(inventory.Status()))
            .WithName("acmeprovider_status_route")
            .WithSummary("What the acmeprovider plugin serves");
}
