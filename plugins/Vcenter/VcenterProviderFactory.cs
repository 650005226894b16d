using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Vsphere;

namespace VmwareMcp.Plugins.Vcenter;

/// <summary>Creates providers for targets whose endpoint is a vCenter.</summary>
public sealed class VcenterProviderFactory : IHypervisorProviderFactory
{
    /// <inheritdoc />
    public string Kind => "vcenter";

    /// <inheritdoc />
    public async Task<bool> ClaimsAsync(TargetOptions target, IServiceProvider services, CancellationToken cancellationToken) =>
        await EndpointProbe.ApiTypeAsync(target, cancellationToken) == VcenterProvider.VirtualCenter;

    /// <inheritdoc />
    public IHypervisorProvider Create(TargetOptions target, IServiceProvider services) =>
        new VcenterProvider(target, services.GetRequiredService<ILoggerFactory>().CreateLogger<VcenterProvider>());
}
