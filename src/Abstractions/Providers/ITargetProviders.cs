using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Abstractions.Providers;

/// <summary>The host's configured targets and their providers; plugins get it from DI.</summary>
public interface ITargetProviders
{
    /// <summary>Every configured target, in configuration order.</summary>
    IReadOnlyList<TargetOptions> Targets { get; }

    /// <summary>The provider for a target, detecting its kind on first use.</summary>
    /// <param name="target">The target's name; may be null or empty when exactly one target is configured.</param>
    /// <param name="cancellationToken">Cancels detection.</param>
    /// <exception cref="Errors.HypervisorException">
    /// <see cref="Errors.HypervisorErrorKind.NotFound"/> for an unknown name,
    /// <see cref="Errors.HypervisorErrorKind.InvalidArgument"/> when a name is needed,
    /// <see cref="Errors.HypervisorErrorKind.Unavailable"/> when the endpoint cannot be reached or no plugin serves it.
    /// </exception>
    ValueTask<IHypervisorProvider> GetAsync(string? target, CancellationToken cancellationToken);
}
