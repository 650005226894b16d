using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions.Plugins;

namespace Throwing;

/// <summary>Fails in its entry point, after registering something, as a buggy third-party plugin might.</summary>
public sealed class ThrowingPlugin : IVmwareMcpPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new object());
        throw new InvalidOperationException("deliberate failure in ConfigureServices");
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => throw new InvalidOperationException("never reached");
}
