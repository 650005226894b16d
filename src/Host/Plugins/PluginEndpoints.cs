using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Host.Security;

namespace VmwareMcp.Host.Plugins;

/// <summary>
/// <c>GET /api/v1/plugins</c>: every plugin folder, loaded or failed, with the reason;
/// <c>POST /api/v1/plugins/reload</c>: rescan the folder now.
/// </summary>
internal static class PluginEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/plugins", (PluginCatalog catalog) => catalog.Statuses())
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Changes = false })
            .WithName("list_plugins")
            .WithSummary("List loaded and failed plugins");
        api.MapPost("/plugins/reload", (PluginRuntime runtime, CancellationToken cancellationToken) => runtime.ReloadAsync(cancellationToken))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin))
            .WithName("reload_plugins")
            .WithSummary("Load plugin folders added and unload those removed since the last scan");
    }
}
