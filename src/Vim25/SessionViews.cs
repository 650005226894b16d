using System.Collections.Concurrent;

namespace VmwareMcp.Vim25;

/// <summary>
/// Container views kept for the life of a session, one per container and type, so a read of every VM is one
/// RetrievePropertiesEx rather than three calls (create, read, destroy) and a walk of the whole inventory
/// to build the view each time (about 9 ms of a 5,000-VM vcsim's time per list).
/// </summary>
/// <remarks>
/// The endpoint keeps a view current as objects come and go; views end with the session, so a renewed
/// session makes new ones. Kept only for types whose views the endpoint keeps exact. vcsim registers a new
/// host or resource pool before linking it into the inventory, so its existing views miss those; VMs and
/// folders are linked into their folder first and are exact there too.
/// </remarks>
internal sealed class SessionViews(VimClient client)
{
    private readonly ConcurrentDictionary<(ManagedObjectReference Container, string Type), Lazy<Task<KeptView>>> _views = new();

    /// <summary>The kept view of every <paramref name="type"/> below <paramref name="container"/>, made when the session has none.</summary>
    /// <remarks>Concurrent first reads wait for one view rather than each making its own: under load every call counts.</remarks>
    public async Task<ManagedObjectReference> GetAsync(ManagedObjectReference container, string type, CancellationToken cancellationToken)
    {
        var key = (container, type);
        for (var attempt = 1; ; attempt++)
        {
            var pending = _views.GetOrAdd(key, k => new Lazy<Task<KeptView>>(() => MakeAsync(k.Container, k.Type)));
            KeptView kept;
            try
            {
                kept = await pending.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _views.TryRemove(KeyValuePair.Create(key, pending)); // The next read tries again.
                throw;
            }

            // A view of an earlier session is gone with it; a read that still finds it gone makes another then.
            if (kept.Session == client.SessionGeneration || attempt == 2)
            {
                return kept.View;
            }

            _views.TryRemove(KeyValuePair.Create(key, pending));
        }
    }

    /// <summary>Forgets <paramref name="view"/> when the endpoint no longer knows it (its session was renewed), so the next read makes a new one.</summary>
    public async Task ForgetAsync(ManagedObjectReference container, string type, ManagedObjectReference view)
    {
        var key = (container, type);
        if (_views.TryGetValue(key, out var pending) && pending.IsValueCreated && pending.Value.IsCompletedSuccessfully && (await pending.Value).View == view)
        {
            _views.TryRemove(KeyValuePair.Create(key, pending));
        }
    }

    /// <summary>Makes a view; not cancelled by the reader that happened to ask first, as others may wait for it.</summary>
    private async Task<KeptView> MakeAsync(ManagedObjectReference container, string type)
    {
        var content = await client.GetServiceContentAsync(CancellationToken.None);
        var view = (await client.InvokeAsync("CreateContainerView", content.ViewManager, w => w
            .Ref("container", container)
            .Text("type", type)
            .Bool("recursive", true), CancellationToken.None)).Select(Vim.Ref).Single()!.Value;
        // Read after the call: a session renewed while it ran made the view in the new session.
        return new KeptView(client.SessionGeneration, view);
    }

    private readonly record struct KeptView(int Session, ManagedObjectReference View);
}
