using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Plugins;

namespace VmwareMcp.Samples.YamlInventory;

/// <summary>
/// Entry point. The host finds <see cref="YamlInventoryProviderFactory"/> by itself; this registers the
/// inventory file reader, one MCP tool and one REST route.
/// </summary>
public sealed class YamlInventoryPlugin : IVmwareMcpPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // The inventory sits beside the plugin: its folder is wherever the operator dropped it.
        var folder = Path.GetDirectoryName(typeof(YamlInventoryPlugin).Assembly.Location)!;
        services.AddSingleton(new InventoryFile(Path.Combine(folder, "inventory.yaml")));
        // Its own copy of the options: their caches hold this plugin's types, and must go when it is unloaded.
        services.AddMcpServer().WithTools<YamlInventoryTools>(new System.Text.Json.JsonSerializerOptions(ContractJson.Options));
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        // The handler takes HttpContext, not InventoryFile: ASP.NET Core caches handler parameter types for the
        // life of the process, which would keep this plugin loaded after its folder is removed.
        endpoints.MapGet("/api/v1/yaml-inventory/about", (HttpContext context) => Results.Ok(context.RequestServices.GetRequiredService<InventoryFile>().About()))
            .WithName("yaml_inventory_about")
            .WithSummary("Which inventory file the yaml-inventory sample serves, and which YamlDotNet reads it");
}
