using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Plugins;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// Entry point: the provider-independent MCP tools and REST routes, written against the contract alone as a
/// third party's would be, so any provider plugin (vCenter, ESXi, another hypervisor) is served by them.
/// </summary>
public sealed class CorePlugin : IVmwareMcpPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ResourceSubscriptions>();
        services.AddOptions<OvfSourceOptions>().Bind(configuration.GetSection("ovf")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OvfSourceOptions>, OvfSourceOptionsValidator>();
        services.AddSingleton<OvfSources>();
        services.AddMcpServer()
            .WithTools<TargetTools>(ContractJson.Options)
            .WithTools<VmTools>(ContractJson.Options)
            .WithTools<SnapshotTools>(ContractJson.Options)
            .WithTools<InventoryTools>(ContractJson.Options)
            .WithTools<FolderTools>(ContractJson.Options)
            .WithTools<PoolTools>(ContractJson.Options)
            .WithTools<AttributeTools>(ContractJson.Options)
            .WithTools<TagTools>(ContractJson.Options)
            .WithTools<DeviceTools>(ContractJson.Options)
            .WithTools<GuestTools>(ContractJson.Options)
            .WithTools<OvfTools>(ContractJson.Options)
            .WithTools<OperationsTools>(ContractJson.Options)
            .WithTools<TriageTools>(ContractJson.Options)
            .WithTools<ChangeTools>(ContractJson.Options)
            .WithResources<InventoryResources>()
            .WithPrompts<Runbooks>()
            .WithCompleteHandler(ArgumentCompletions.CompleteAsync)
            .WithSubscribeToResourcesHandler(ResourceSubscriptions.SubscribeAsync)
            .WithUnsubscribeFromResourcesHandler(ResourceSubscriptions.UnsubscribeAsync);
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> ConfigurationKeys { get; } = ["ovf"];

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        VmRoutes.Map(api);
        InventoryRoutes.Map(api);
        FolderRoutes.Map(api);
        PoolRoutes.Map(api);
        AttributeRoutes.Map(api);
        TagRoutes.Map(api);
        DeviceRoutes.Map(api);
        GuestRoutes.Map(api);
        OvfRoutes.Map(api);
        OperationsRoutes.Map(api);
    }
}
