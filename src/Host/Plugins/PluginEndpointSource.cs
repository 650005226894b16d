using Microsoft.Extensions.Primitives;

namespace VmwareMcp.Host.Plugins;

/// <summary>The routes of plugins loaded at run time; routing rebuilds its table when they change.</summary>
internal sealed class PluginEndpointSource : EndpointDataSource
{
    private readonly Dictionary<string, IReadOnlyList<Endpoint>> _byFolder = new(StringComparer.Ordinal);
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

    public override IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    public void Set(string folder, IReadOnlyList<Endpoint> endpoints) => Update(map => map[folder] = endpoints);

    public void Remove(string folder) => Update(map => map.Remove(folder));

    private void Update(Action<Dictionary<string, IReadOnlyList<Endpoint>>> change)
    {
        CancellationTokenSource previous;
        lock (_byFolder)
        {
            change(_byFolder);
            _endpoints = _byFolder.Values.SelectMany(e => e).ToList();
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        // Not disposed: routing may still be registering a callback on the token it last read.
        previous.Cancel();
    }
}
