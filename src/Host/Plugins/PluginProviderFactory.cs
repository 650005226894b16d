using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Host.Plugins;

/// <summary>A provider factory of a plugin loaded at run time: it gets the plugin's services ahead of the host's.</summary>
internal sealed class PluginProviderFactory(IHypervisorProviderFactory inner, IServiceProvider pluginServices) : IHypervisorProviderFactory
{
    public string Kind => inner.Kind;

    public Task<bool> ClaimsAsync(TargetOptions target, IServiceProvider services, CancellationToken cancellationToken) =>
        inner.ClaimsAsync(target, new PluginServiceProvider(pluginServices, services), cancellationToken);

    public IHypervisorProvider Create(TargetOptions target, IServiceProvider services) =>
        inner.Create(target, new PluginServiceProvider(pluginServices, services));
}
