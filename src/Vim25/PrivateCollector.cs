using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Vim25;

/// <summary>
/// A property collector of one's own, filtered on some properties of one object, for waiting on their
/// changes with WaitForUpdatesEx without disturbing the session's other waits (a task's end, a guest's
/// address). Destroyed on dispose.
/// </summary>
public sealed class PrivateCollector : IAsyncDisposable
{
    private readonly VimClient _client;
    private readonly ManagedObjectReference _collector;
    private string _version = string.Empty;

    private PrivateCollector(VimClient client, ManagedObjectReference collector) => (_client, _collector) = (client, collector);

    /// <summary>Creates a collector whose filter follows <paramref name="paths"/> of <paramref name="obj"/> (of vim25 type <paramref name="type"/>).</summary>
    public static async Task<PrivateCollector> CreateAsync(VimClient client, ManagedObjectReference obj, string type, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var content = await client.GetServiceContentAsync(cancellationToken);
        var collector = new PrivateCollector(client, (await client.InvokeAsync("CreatePropertyCollector", content.PropertyCollector, null, cancellationToken)).Select(Vim.Ref).Single()!.Value);
        try
        {
            await client.InvokeAsync("CreateFilter", collector._collector, w => w
                .Element("spec", null, spec => spec
                    .Element("propSet", null, p =>
                    {
                        p.Text("type", type);
                        foreach (var path in paths)
                        {
                            p.Text("pathSet", path);
                        }
                    })
                    .Element("objectSet", null, o => o.Ref("obj", obj).Bool("skip", false)))
                .Bool("partialUpdates", false), cancellationToken);
            return collector;
        }
        catch
        {
            await collector.DisposeAsync();
            throw;
        }
    }

    /// <summary>The property changes since the last call (all values, the first time), or none when <paramref name="maxWaitSeconds"/> pass quietly.</summary>
    public async Task<IReadOnlyList<(string Name, XElement? Value)>> WaitAsync(int maxWaitSeconds, CancellationToken cancellationToken)
    {
        var updates = await _client.InvokeAsync("WaitForUpdatesEx", _collector, w => w
            .Text("version", _version)
            .Element("options", null, o => o.Number("maxWaitSeconds", maxWaitSeconds)), cancellationToken);
        if (updates.FirstOrDefault() is not { } set)
        {
            return [];
        }

        _version = Vim.Text(set, "version") ?? _version;
        return set.Descendants(VimNamespaces.V + "changeSet").Select(c => (Vim.Text(c, "name") ?? string.Empty, c.Element(VimNamespaces.V + "val"))).ToList();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.InvokeAsync("DestroyPropertyCollector", _collector, null, CancellationToken.None);
        }
        catch (HypervisorException)
        {
            // The collector dies with the session anyway.
        }
    }
}
