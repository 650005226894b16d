using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions.Plugins;

namespace VmwareMcp.Plugins.Console;

/// <summary>
/// Entry point: serves the operator console, a page of plain HTML, CSS and modules that talks to the
/// host's own REST routes with the token the operator types in. The page holds no data of its own, so
/// its assets are served without a token; everything it shows comes from routes that require one.
/// </summary>
public sealed class ConsolePlugin : IVmwareMcpPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<ConsoleAssets>();

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => ConsoleRoutes.Map(endpoints);
}
