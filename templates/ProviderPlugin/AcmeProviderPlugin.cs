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
        // A copy of the host's JSON options: caches keyed by them hold this plugin's types, and must be able to go
        // with it when its folder is removed.
        services.AddMcpServer().WithTools<AcmeProviderTools>(new System.Text.Json.JsonSerializerOptions(ContractJson.Options));
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        // Handlers take HttpContext rather than this plugin's own types: ASP.NET Core caches handler parameter
        // types for the life of the process, which would keep the plugin loaded after its folder is removed.
        endpoints.MapGet("/api/v1/acmeprovider/status", (HttpContext context) => Results.Ok(context.RequestServices.GetRequiredService<AcmeProviderInventory>().Status()))
            .WithName("acmeprovider_status_route")
            .WithSummary("What the acmeprovider plugin serves");
}
