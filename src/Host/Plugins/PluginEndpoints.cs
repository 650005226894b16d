using VmwareMcp.Host.Security;

namespace VmwareMcp.Host.Plugins;

/// <summary><c>GET /api/v1/plugins</c>: every plugin folder, loaded or failed, with the reason.</summary>
internal static class PluginEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/plugins", (PluginCatalog catalog) => catalog.Statuses())
            .RequireAuthorization(Security.Scope.Admin.Name())
            .WithName("list_plugins")
            .WithSummary("List loaded and failed plugins");
}
