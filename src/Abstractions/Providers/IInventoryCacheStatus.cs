namespace VmwareMcp.Abstractions.Providers;

/// <summary>Implemented by providers that keep a live inventory cache, so the host can report it in /readyz.</summary>
public interface IInventoryCacheStatus
{
    /// <summary><c>off</c>, <c>cold</c> (filling or reconnecting: reads go to the endpoint) or <c>warm</c>.</summary>
    string CacheState { get; }

    /// <summary>Objects held (VMs, hosts, clusters).</summary>
    int CachedObjects { get; }
}
