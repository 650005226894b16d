using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VmwareMcp.Abstractions.Plugins;

/// <summary>
/// The entry point of a plugin: the host creates one instance per plugin folder with a public
/// parameterless constructor, calls <see cref="ConfigureServices"/> before it builds its service provider,
/// then <see cref="MapEndpoints"/> once the application is built.
/// </summary>
/// <remarks>
/// Keep both methods free of I/O: anything that talks to a network belongs in a hosted service or a
/// provider. An exception thrown here marks the plugin as failed; the host and the other plugins go on.
/// MCP tools are added through the service collection (for example
/// <c>services.AddMcpServer().WithTools&lt;MyTools&gt;()</c>); classes implementing
/// <see cref="Providers.IHypervisorProviderFactory"/> are found and registered by the host.
/// </remarks>
public interface IVmwareMcpPlugin
{
    /// <summary>Registers the plugin's services and MCP tools.</summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="configuration">The host's whole configuration; a plugin binds its own section.</param>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>
    /// The top-level configuration keys the plugin reads (for example <c>telemetry_interval_seconds</c>), so the
    /// host does not warn about them as unknown. Validate their values at start (<c>ValidateOnStart</c>), with
    /// messages naming the key, what it accepts and what was found. Since 1.5; keys under <c>plugins:</c> are
    /// never warned about.
    /// </summary>
    IReadOnlyCollection<string> ConfigurationKeys => [];

    /// <summary>Maps the plugin's REST routes.</summary>
    /// <param name="endpoints">A route group that already requires an authenticated caller.</param>
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
