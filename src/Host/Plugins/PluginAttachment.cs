using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Host.Api;
using VmwareMcp.Host.Audit;
using VmwareMcp.Host.Security;

namespace VmwareMcp.Host.Plugins;

/// <summary>
/// A plugin loaded while the host runs: its own service container (falling back to the host's shared
/// services), and the tools, routes, provider factories and background services it contributes, which
/// <see cref="PluginRuntime"/> adds to the running host and takes away again on unload.
/// </summary>
internal sealed class PluginAttachment : IAsyncDisposable
{
    /// <summary>The host services a plugin's own container may depend on, as the plugin guide lists them.</summary>
    private static readonly Type[] SharedHostServices =
    [
        typeof(IConfiguration), typeof(ILoggerFactory), typeof(IHttpClientFactory), typeof(ITargetProviders),
        typeof(TimeProvider), typeof(IHostApplicationLifetime), typeof(Abstractions.Policy.ICallProgress), typeof(Abstractions.Operations.ITaskOutcomes),
        typeof(Abstractions.Operations.IChangeHistory),
    ];

    private readonly ServiceProvider _services;

    private PluginAttachment(LoadedPlugin plugin, ServiceProvider services)
    {
        Plugin = plugin;
        _services = services;
        Tools = services.GetServices<McpServerTool>().Select(t => (McpServerTool)new PluginTool(Mcp.ToolDeclarations.Apply(t), services)).ToList();
        Factories = services.GetServices<IHypervisorProviderFactory>().Select(f => (IHypervisorProviderFactory)new PluginProviderFactory(f, services)).ToList();
        HostedServices = services.GetServices<IHostedService>().ToList();
    }

    public LoadedPlugin Plugin { get; }

    public IReadOnlyList<McpServerTool> Tools { get; }

    public IReadOnlyList<IHypervisorProviderFactory> Factories { get; }

    public IReadOnlyList<IHostedService> HostedServices { get; }

    public IReadOnlyList<Endpoint> Endpoints { get; private set; } = [];

    /// <summary>Builds the plugin's container, validates its options and maps its routes; nothing is published yet.</summary>
    /// <exception cref="PluginLoadException">Its options are invalid or its routes cannot be mapped.</exception>
    public static PluginAttachment Create(LoadedPlugin plugin, IServiceProvider host)
    {
        IServiceCollection own = new ServiceCollection();
        foreach (var type in SharedHostServices)
        {
            if (host.GetService(type) is { } instance)
            {
                own.AddSingleton(type, instance);
            }
        }

        own.AddOptions();
        own.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        foreach (var descriptor in plugin.Registrations)
        {
            own.Add(descriptor);
        }

        var services = own.BuildServiceProvider();
        var attachment = new PluginAttachment(plugin, services);
        try
        {
            try
            {
                services.GetService<IStartupValidator>()?.Validate();
            }
            catch (OptionsValidationException ex)
            {
                throw new PluginLoadException($"invalid configuration: {string.Join("; ", ex.Failures)}", ex);
            }

            var composite = new PluginServiceProvider(services, host);
            var routes = new PluginRouteBuilder(new ApplicationBuilder(composite), composite);
            try
            {
                plugin.EntryPoint.MapEndpoints(routes.MapGroup(string.Empty).WithPolicyBoundary());
                attachment.Endpoints = routes.Endpoints(services);
            }
            catch (Exception ex)
            {
                throw new PluginLoadException($"mapping its endpoints failed: {PluginFolderLoader.Describe(ex)}", ex);
            }

            return attachment;
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var service in HostedServices)
        {
            await service.StartAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in HostedServices.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        Plugin.Loader.Dispose();
    }
}
