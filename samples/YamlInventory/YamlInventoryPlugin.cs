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
        services.AddMcpServer().WithTools<YamlInventoryTools>(ContractJson.Options);
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/yaml-inventory/about", (InventoryFile file) => Results.Ok(file.About()))
            .WithName("yaml_inventory_about")
            .WithSummary("Which inventory file the yaml-inventory sample serves, and which YamlDotNet reads it");
}
