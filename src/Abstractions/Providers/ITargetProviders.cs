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

    /// <summary>
    /// Whether the caller of the request or tool call in flight may see the target: a token limited to some
    /// targets may not see the others. Data a plugin serves without going through <see cref="GetAsync"/>
    /// (collected samples, statuses, streams, exported series) must be filtered with it. Since 1.3.
    /// </summary>
    /// <param name="target">The target's name.</param>
    /// <returns>True when no caller is in flight (the host's own work) or the caller's token covers the target.</returns>
    bool MayAccess(string target) => true;

    /// <summary>
    /// The configured targets the caller in flight may see, as <c>list_targets</c> shows them. Since 2.1; a
    /// host before it has none to show.
    /// </summary>
    IReadOnlyList<TargetStatus> Describe() => [];
}
