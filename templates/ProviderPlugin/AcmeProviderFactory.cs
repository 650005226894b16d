using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Targets;

namespace AcmeProvider;

/// <summary>Serves targets configured with <c>kind: acmeprovider</c>.</summary>
public sealed class AcmeProviderFactory : IHypervisorProviderFactory
{
    /// <inheritdoc />
    public string Kind => "acmeprovider";

    /// <summary>
    /// Called for targets without a <c>kind</c>: answer true only for endpoints you recognise (for example
    /// by a cheap, cancellable probe). This template claims none, so its targets name their kind.
    /// </summary>
    public Task<bool> ClaimsAsync(TargetOptions target, IServiceProvider services, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <inheritdoc />
    public IHypervisorProvider Create(TargetOptions target, IServiceProvider services) =>
        new AcmeProviderProvider(target, services.GetRequiredService<AcmeProviderInventory>());
}
