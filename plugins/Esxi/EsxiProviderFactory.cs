using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Vsphere;

namespace VmwareMcp.Plugins.Esxi;

/// <summary>Creates providers for targets whose endpoint is a standalone ESXi host.</summary>
public sealed class EsxiProviderFactory : IHypervisorProviderFactory
{
    /// <inheritdoc />
    public string Kind => "esxi";

    /// <inheritdoc />
    public async Task<bool> ClaimsAsync(TargetOptions target, IServiceProvider services, CancellationToken cancellationToken) =>
        await EndpointProbe.ApiTypeAsync(target, cancellationToken) == EsxiProvider.HostAgent;

    /// <inheritdoc />
    public IHypervisorProvider Create(TargetOptions target, IServiceProvider services) =>
        new EsxiProvider(target, services.GetRequiredService<ILoggerFactory>().CreateLogger<EsxiProvider>());
}
