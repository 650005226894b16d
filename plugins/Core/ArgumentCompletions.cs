using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// Completions for the <c>target</c>, <c>vm</c>, <c>host</c>, <c>datastore</c>, <c>network</c>, <c>cluster</c>
/// and <c>snapshot</c> arguments of prompts and resource templates: names starting with what was typed, from
/// the live inventory cache where it is warm. A target the caller may not see offers nothing.
/// </summary>
internal static class ArgumentCompletions
{
    private const int MaxValues = 100;

    public static async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken)
    {
        if (context.Params is not { } request || context.Services?.GetService(typeof(ITargetProviders)) is not ITargetProviders targets)
        {
            return new CompleteResult();
        }

        var typed = request.Argument.Value ?? string.Empty;
        var known = request.Context?.Arguments ?? new Dictionary<string, string>();
        try
        {
            var names = request.Argument.Name switch
            {
                "target" => targets.Describe().Select(t => t.Name),
                "vm" or "id" when IsVmReference(request.Ref) || request.Argument.Name == "vm" =>
                    (await (await Provider(targets, known, cancellationToken)).ListVmsAsync(new VmQuery { NameGlob = typed + "*", Limit = MaxValues + 1 }, cancellationToken)).Items.Select(v => v.Name),
                "host" => (await (await Provider(targets, known, cancellationToken)).ListHostsAsync(cancellationToken)).Select(h => h.Name),
                "datastore" => (await (await Provider(targets, known, cancellationToken)).ListDatastoresAsync(cancellationToken)).Select(d => d.Name),
                "network" => (await (await Provider(targets, known, cancellationToken)).ListNetworksAsync(cancellationToken)).Select(n => n.Name),
                "cluster" => (await (await Provider(targets, known, cancellationToken)).ListClustersAsync(cancellationToken)).Select(c => c.Name),
                "snapshot" when known.TryGetValue("vm", out var vm) =>
                    (await (await Provider(targets, known, cancellationToken)).ListSnapshotsAsync(vm, cancellationToken)).Select(s => s.Name),
                _ => [],
            };
            var matching = names.Where(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return new CompleteResult
            {
                Completion = new Completion { Values = [.. matching.Take(MaxValues)], Total = matching.Count, HasMore = matching.Count > MaxValues },
            };
        }
        catch (HypervisorException)
        {
            return new CompleteResult(); // An unknown target or VM, or one the caller may not see: nothing to offer.
        }
    }

    private static bool IsVmReference(Reference reference) =>
        reference is ResourceTemplateReference { Uri: { } uri } && uri.Contains("/vm/", StringComparison.Ordinal);

    private static ValueTask<IHypervisorProvider> Provider(ITargetProviders targets, IDictionary<string, string> known, CancellationToken cancellationToken) =>
        targets.GetAsync(known.TryGetValue("target", out var target) ? target : null, cancellationToken);
}
