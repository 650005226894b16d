using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Abstractions.Providers;

/// <summary>Creates providers for one kind of endpoint (for example <c>vcenter</c> or <c>esxi</c>).</summary>
/// <remarks>
/// A plugin's public non-abstract implementations are registered by the host as singletons. Kinds are
/// compared case-insensitively; two factories claiming one kind are a start-up error.
/// </remarks>
public interface IHypervisorProviderFactory
{
    /// <summary>The kind a target names in its <c>kind</c> key, lower case.</summary>
    string Kind { get; }

    /// <summary>Asks the endpoint what it is and says whether this factory serves it.</summary>
    /// <remarks>Used for targets without a <c>kind</c>; an unreachable endpoint throws
    /// <see cref="Errors.HypervisorException"/> with <see cref="Errors.HypervisorErrorKind.Unavailable"/>.</remarks>
    /// <param name="target">The target's options.</param>
    /// <param name="services">The host's service provider.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    Task<bool> ClaimsAsync(TargetOptions target, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Creates the provider for one configured target. No network I/O happens here.</summary>
    /// <param name="target">The target's validated options.</param>
    /// <param name="services">The host's service provider, for loggers, HTTP client factory and time.</param>
    IHypervisorProvider Create(TargetOptions target, IServiceProvider services);
}
