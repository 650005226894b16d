using System.Runtime.Loader;

namespace VmwareMcp.Host.Plugins;

/// <summary>
/// The services a plugin loaded at run time sees: its own container first, then the host's (the request's
/// scope when there is one). Its tools and route handlers are activated through it.
/// </summary>
internal sealed class PluginServiceProvider(IServiceProvider plugin, IServiceProvider host) : IServiceProvider, IServiceProviderIsService
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(IServiceProvider) || serviceType == typeof(IServiceProviderIsService) ? this
        : IsHostOptions(serviceType) ? host.GetService(serviceType)
        : plugin.GetService(serviceType) ?? host.GetService(serviceType);

    public bool IsService(Type serviceType) =>
        (plugin.GetService<IServiceProviderIsService>()?.IsService(serviceType) ?? false)
        || (host.GetService<IServiceProviderIsService>()?.IsService(serviceType) ?? false);

    /// <summary>
    /// Both containers answer any <c>IOptions&lt;T&gt;</c>, but only one configured it: options of the host's
    /// own types (JSON, routing, authorization) come from the host, a plugin's own options from the plugin.
    /// </summary>
    private static bool IsHostOptions(Type serviceType) =>
        serviceType.IsGenericType
        && serviceType.GetGenericTypeDefinition().Assembly == typeof(Microsoft.Extensions.Options.IOptions<>).Assembly
        && AssemblyLoadContext.GetLoadContext(serviceType.GetGenericArguments()[0].Assembly) == AssemblyLoadContext.Default;
}
