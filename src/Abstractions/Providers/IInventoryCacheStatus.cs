namespace VmwareMcp.Abstractions.Providers;

/// <summary>Implemented by providers that keep a live inventory cache, so the host can report it in /readyz.</summary>
public interface IInventoryCacheStatus
{
    /// <summary><c>off</c>, <c>cold</c> (filling or reconnecting: reads go to the endpoint) or <c>warm</c>.</summary>
    string CacheState { get; }

    /// <summary>Objects held (VMs, hosts, clusters).</summary>
    int CachedObjects { get; }

    /// <summary>
    /// The managed object ids (<c>vm-42</c>, <c>host-7</c>) of cached objects as their properties change or they
    /// come and go, for as long as the caller reads; a slow reader misses the oldest rather than holding the
    /// cache up. Changes made through the host are included. Since 2.2; without it, nothing.
    /// </summary>
    /// <param name="cancellationToken">Ends the watch.</param>
    IAsyncEnumerable<string> WatchChangesAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<string>();
}
