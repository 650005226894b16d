using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Ovf;

/// <summary>
/// An HttpNfcLease from ImportVApp: waited on until ready, kept alive while the disks upload (vSphere drops
/// a lease that hears nothing for its timeout, five minutes by default), then completed or aborted.
/// </summary>
internal sealed class NfcLease
{
    private readonly VimClient _client;
    private readonly ManagedObjectReference _lease;

    private NfcLease(VimClient client, ManagedObjectReference lease, ManagedObjectReference? entity, IReadOnlyDictionary<string, Uri> urls, TimeSpan timeout) =>
        (_client, _lease, Entity, DeviceUrls, KeepAliveEvery) = (client, lease, entity, urls, timeout);

    /// <summary>The VM the import made, which an abort must leave behind no more.</summary>
    public ManagedObjectReference? Entity { get; }

    /// <summary>Upload addresses by import key, which a file item's device id names.</summary>
    public IReadOnlyDictionary<string, Uri> DeviceUrls { get; }

    public TimeSpan KeepAliveEvery { get; }

    public static async Task<NfcLease> ReadyAsync(VimClient client, ManagedObjectReference lease, CancellationToken cancellationToken)
    {
        await using (var watch = await PrivateCollector.CreateAsync(client, lease, "HttpNfcLease", ["state"], cancellationToken))
        {
            string? state;
            do
            {
                state = (await watch.WaitAsync(60, cancellationToken)).LastOrDefault(c => c.Name == "state").Value?.Value;
            }
            while (state is null or "initializing");
        }

        var read = await client.RetrieveOneAsync(lease, ["state", "info", "error"], cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.Failed, "the import lease disappeared before it was ready");
        if (read.Text("state") != "ready")
        {
            var why = Vim.Text(read.Properties.GetValueOrDefault("error"), "localizedMessage") ?? read.Text("state");
            throw new HypervisorException(HypervisorErrorKind.Failed, $"the import lease did not become ready: {why}");
        }

        var info = read.Properties["info"];
        var urls = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var device in info.Elements(VimNamespaces.V + "deviceUrl"))
        {
            // A host of "*" means the endpoint itself, as ESXi and vcsim write it; Uri refuses it as a host.
            var text = Vim.Text(device, "url")?.Replace("://*/", $"://{client.Target.Endpoint.Authority}/", StringComparison.Ordinal);
            if (Vim.Text(device, "importKey") is { } key && Uri.TryCreate(text, UriKind.Absolute, out var url))
            {
                urls[key] = url;
            }
        }

        var timeout = Vim.Long(info.Element(VimNamespaces.V + "leaseTimeout")) is { } seconds and > 0 ? seconds : 300;
        return new NfcLease(client, lease, Vim.Ref(info.Element(VimNamespaces.V + "entity")), urls, TimeSpan.FromSeconds(Math.Clamp(timeout / 4, 1, 30)));
    }

    /// <summary>Tells vSphere the upload's share every <see cref="KeepAliveEvery"/> until <paramref name="work"/> ends.</summary>
    public async Task KeepAliveWhileAsync(Func<Task> work, Func<int> percent, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepAlive = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(KeepAliveEvery);
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await _client.InvokeAsync("HttpNfcLeaseProgress", _lease, w => w.Number("percent", percent()), stop.Token);
            }
        }, stop.Token);
        try
        {
            await work();
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await keepAlive;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => _client.InvokeAsync("HttpNfcLeaseComplete", _lease, null, cancellationToken);

    /// <summary>Aborts the lease (vSphere then removes the VM), best effort: the caller is already failing.</summary>
    public static async Task AbortAsync(VimClient client, ManagedObjectReference lease)
    {
        try
        {
            await client.InvokeAsync("HttpNfcLeaseAbort", lease, null, CancellationToken.None);
        }
        catch (HypervisorException)
        {
            // The lease may have timed out or been aborted already; the VM is removed below either way.
        }
    }
}
