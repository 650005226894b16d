using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Metrics;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>Finds the metrics side of a target's provider.</summary>
internal static class MetricsSources
{
    public static async Task<IMetricsSource> ForAsync(ITargetProviders targets, string? target, CancellationToken cancellationToken)
    {
        var provider = await targets.GetAsync(target, cancellationToken);
        return provider.Metrics
            ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"the provider of target '{provider.Target.Name}' reports no metrics");
    }

    /// <summary>The named target, or the only one, when the caller may see it.</summary>
    public static string Resolve(ITargetProviders targets, string? target)
    {
        var name = string.IsNullOrWhiteSpace(target)
            ? targets.Targets.Count == 1 ? targets.Targets[0].Name : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "several targets are configured; name one with 'target'")
            : targets.Targets.FirstOrDefault(t => string.Equals(t.Name, target, StringComparison.OrdinalIgnoreCase))?.Name
              ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no target named '{target}'");
        return targets.MayAccess(name) ? name : throw new HypervisorException(HypervisorErrorKind.Forbidden, $"this token may not touch target '{name}'");
    }

    /// <summary>The names of the targets the caller may see.</summary>
    public static HashSet<string> Visible(ITargetProviders targets) =>
        targets.Targets.Select(t => t.Name).Where(targets.MayAccess).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
