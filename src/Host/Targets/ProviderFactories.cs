using System.Collections.Immutable;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Host.Targets;

/// <summary>
/// The provider factories of every loaded plugin: those registered at start, plus those of plugins dropped
/// in while the host runs. Readers see a consistent snapshot; two factories never share a kind.
/// </summary>
internal sealed class ProviderFactories
{
    private readonly Lock _gate = new();
    private ImmutableList<IHypervisorProviderFactory> _current;

    public ProviderFactories(IEnumerable<IHypervisorProviderFactory> registeredAtStart)
    {
        var all = registeredAtStart.ToList();
        var clash = all.GroupBy(f => f.Kind, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException(ClashMessage(clash.Key, clash));
        }

        _current = [.. all];
    }

    public IReadOnlyList<IHypervisorProviderFactory> Current => _current;

    /// <summary>Adds the factories of a plugin loaded at run time, all or none.</summary>
    /// <exception cref="InvalidOperationException">One of them serves a kind that a loaded plugin already serves.</exception>
    public void Add(IReadOnlyCollection<IHypervisorProviderFactory> factories)
    {
        lock (_gate)
        {
            foreach (var factory in factories)
            {
                var owner = _current.FirstOrDefault(f => string.Equals(f.Kind, factory.Kind, StringComparison.OrdinalIgnoreCase));
                if (owner is not null)
                {
                    throw new InvalidOperationException(ClashMessage(factory.Kind, [owner, factory]));
                }
            }

            _current = _current.AddRange(factories);
        }
    }

    public void Remove(IReadOnlyCollection<IHypervisorProviderFactory> factories)
    {
        lock (_gate)
        {
            _current = _current.RemoveRange(factories);
        }
    }

    private static string ClashMessage(string kind, IEnumerable<IHypervisorProviderFactory> owners) =>
        $"two plugins claim the provider kind '{kind}': {string.Join(", ", owners.Select(f => f.GetType().Assembly.GetName().Name))}; remove one";
}
