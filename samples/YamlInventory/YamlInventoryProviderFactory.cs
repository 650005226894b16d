using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Samples.YamlInventory;

/// <summary>Serves targets configured with <c>kind: yaml-inventory</c>; it never claims an endpoint by probing.</summary>
public sealed class YamlInventoryProviderFactory : IHypervisorProviderFactory
{
    /// <inheritdoc />
    public string Kind => "yaml-inventory";

    /// <inheritdoc />
    public Task<bool> ClaimsAsync(TargetOptions target, IServiceProvider services, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <inheritdoc />
    public IHypervisorProvider Create(TargetOptions target, IServiceProvider services) =>
        new YamlInventoryProvider(target, services.GetRequiredService<InventoryFile>());
}
