using System.Collections.Concurrent;
using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Vim25;

/// <summary>
/// Container views kept for the life of a session, one per container and type, so a read of every VM is one
/// RetrievePropertiesEx rather than three calls (create, read, destroy) and a walk of the whole inventory
/// to build the view each time (about 9 ms of a 5,000-VM vcsim's time per list).
/// </summary>
/// <remarks>
/// The endpoint keeps a view current as objects come and go; views end with the session, so a renewed
/// session makes new ones. Kept only for types whose views the endpoint keeps exact. vcsim registers a new
/// host or resource pool before linking it into the inventory, so its existing views miss those; VMs are
/// linked into their folder first and are exact there too.
/// </remarks>
internal sealed class SessionViews(VimClient client)
{
    private readonly ConcurrentDictionary<(ManagedObjectReference Container, string Type), (int Session, ManagedObjectReference View)> _views = new();

    /// <summary>The kept view of every <paramref name="type"/> below <paramref name="container"/>, made when the session has none.</summary>
    public async Task<ManagedObjectReference> GetAsync(ManagedObjectReference container, string type, CancellationToken cancellationToken)
    {
        if (_views.TryGetValue((container, type), out var known) && known.Session == client.SessionGeneration)
        {
            return known.View;
        }

        var content = await client.GetServiceContentAsync(cancellationToken);
        var view = (await client.InvokeAsync("CreateContainerView", content.ViewManager, w => w
            .Ref("container", container)
            .Text("type", type)
            .Bool("recursive", true), cancellationToken)).Select(Vim.Ref).Single()!.Value;
        // Read after the call: a session renewed while it ran made the view in the new session.
        var made = (client.SessionGeneration, view);
        var kept = _views.AddOrUpdate((container, type), made, (_, other) => other.Session == made.SessionGeneration ? other : made);
        if (kept.View != view)
        {
            // A concurrent first read made one too: keep one view per session, not one per race.
            try
            {
                await client.InvokeAsync("DestroyView", view, null, CancellationToken.None);
            }
            catch (HypervisorException)
            {
                // Best effort: an undestroyed view ends with the session.
            }
        }

        return kept.View;
    }

    /// <summary>Forgets a view the endpoint no longer knows (its session was renewed), so the next read makes a new one.</summary>
    public void Forget(ManagedObjectReference view)
    {
        foreach (var entry in _views.Where(e => e.Value.View == view))
        {
            _views.TryRemove(entry);
        }
    }
}
