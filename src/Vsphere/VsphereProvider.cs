using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>
/// <see cref="IHypervisorProvider"/> over vim25, for vCenter and standalone ESXi alike. Subclasses say which
/// endpoint type they serve and replace what a standalone host does differently (clone, clusters).
/// </summary>
/// <remarks>Split by concern into partial files: VMs, lifecycle, power, snapshots, inventory.</remarks>
public abstract partial class VsphereProvider : IHypervisorProvider, IInventoryCacheStatus
{
    private static readonly Regex ObjectId = new(@"^(vm-\d+|\d+)$", RegexOptions.CultureInvariant);
    private Datacenter? _datacenter;
    private bool _kindChecked;
    private LiveInventory? _live;

    /// <summary>Creates the provider; no I/O until the first call.</summary>
    /// <param name="target">The target.</param>
    /// <param name="logger">The provider's logger.</param>
    protected VsphereProvider(TargetOptions target, ILogger logger)
    {
        Logger = logger;
        Client = new VimClient(target, logger);
    }

    /// <summary>The provider's logger.</summary>
    protected ILogger Logger { get; }

    /// <summary>The vim25 session with the target.</summary>
    protected internal VimClient Client { get; }

    /// <inheritdoc />
    public TargetOptions Target => Client.Target;

    /// <inheritdoc />
    public Abstractions.Devices.IVmDevices? Devices => field ??= new Devices.VsphereVmDevices(this);

    /// <inheritdoc />
    public Abstractions.Guest.IGuestCustomizer? Guest => field ??= new Guest.VsphereGuestCustomizer(this);

    /// <inheritdoc />
    public Abstractions.Ovf.IOvfDeployer? Ovf => field ??= new Ovf.VsphereOvfDeployer(this);

    /// <summary>The <c>about.apiType</c> this provider serves.</summary>
    protected abstract string ApiType { get; }

    /// <summary>The kind name config uses for this provider.</summary>
    protected abstract string Kind { get; }

    /// <inheritdoc />
    public async Task<EndpointInfo> GetEndpointInfoAsync(CancellationToken cancellationToken)
    {
        var content = await ContentAsync(cancellationToken);
        await Client.InvokeAsync("CurrentTime", Vim.ServiceInstance, null, cancellationToken); // Proves the login works.
        StartLiveInventory();
        return content.About;
    }

    /// <summary>The ServiceContent, after checking the endpoint is of the kind this provider serves.</summary>
    protected internal async Task<ServiceContent> ContentAsync(CancellationToken cancellationToken)
    {
        var content = await Client.GetServiceContentAsync(cancellationToken);
        if (!_kindChecked)
        {
            if (content.About.ApiType != ApiType)
            {
                var actual = content.About.ApiType == "VirtualCenter" ? "a vCenter (VirtualCenter)" : $"a standalone ESXi host ({content.About.ApiType})";
                throw new HypervisorException(HypervisorErrorKind.Unavailable,
                    $"target '{Target.Name}' is configured with kind '{Kind}', but {Target.Endpoint.Authority} is {actual}: correct 'kind' or leave it out to detect it");
            }

            _kindChecked = true;
        }

        return content;
    }

    /// <summary>The datacenter to work in: resource_datacenter, or the first one.</summary>
    protected internal async Task<Datacenter> DatacenterAsync(CancellationToken cancellationToken)
    {
        if (_datacenter is not null)
        {
            return _datacenter;
        }

        await ContentAsync(cancellationToken);
        var all = (await Client.RetrieveAllAsync(null, "Datacenter", Datacenter.Paths, cancellationToken)).Select(Datacenter.From).ToList();
        var chosen = Target.Datacenter is null
            ? all.OrderBy(d => d.Ref.Value, StringComparer.Ordinal).FirstOrDefault()
            : all.FirstOrDefault(d => d.Name == Target.Datacenter);
        return _datacenter = chosen ?? throw new HypervisorException(HypervisorErrorKind.Unavailable, Target.Datacenter is null
            ? $"target '{Target.Name}' has no datacenter"
            : $"target '{Target.Name}' has no datacenter named '{Target.Datacenter}' (resource_datacenter); it has: {string.Join(", ", all.Select(d => d.Name))}");
    }

    /// <summary>Where inventory reads start: the configured datacenter, else the whole inventory.</summary>
    protected async Task<ManagedObjectReference?> ScopeAsync(CancellationToken cancellationToken) =>
        Target.Datacenter is null ? (await ContentAsync(cancellationToken)).RootFolder : (await DatacenterAsync(cancellationToken)).Ref;

    /// <summary>Finds a VM by managed object id or exact name.</summary>
    /// <exception cref="HypervisorException">NotFound, or Conflict when several VMs share the name.</exception>
    protected internal async Task<ManagedObjectReference> ResolveVmAsync(string vm, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(vm))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "name the VM by its id (vm-42) or its exact name");
        }

        var scope = await ScopeAsync(cancellationToken);
        if (ObjectId.IsMatch(vm) && await Client.RetrieveOneAsync(new ManagedObjectReference("VirtualMachine", vm), ["name"], cancellationToken) is { } byId)
        {
            return byId.Obj;
        }

        var matches = new List<ManagedObjectReference>();
        await Client.RetrieveVmsAsync(scope, ["name"], [], o =>
        {
            if (string.Equals(o.Text("name"), vm, StringComparison.Ordinal))
            {
                matches.Add(o.Obj);
            }
        }, cancellationToken);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new HypervisorException(HypervisorErrorKind.NotFound, $"no VM named or with id '{vm}' on target '{Target.Name}'; list_vms shows what exists"),
            _ => throw new HypervisorException(HypervisorErrorKind.Conflict,
                $"{matches.Count} VMs on target '{Target.Name}' are named '{vm}' ({string.Join(", ", matches.Select(m => m.Value))}): name one by its id"),
        };
    }

    /// <summary>Throws the contract's "not on this kind of endpoint" error.</summary>
    protected internal HypervisorException NotOnThisKind(string what) =>
        new(HypervisorErrorKind.NotSupported, $"{what} is not supported on target '{Target.Name}', a standalone ESXi host; it needs a vCenter");

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not remove {Folder} after a failed clone; remove it by hand: {Reason}")]
    private static partial void LogCleanupFailed(ILogger logger, string folder, string reason);

    /// <inheritdoc />
    public string CacheState => !Target.InventoryCache ? "off" : _live?.Vms is null ? "cold" : "warm";

    /// <inheritdoc />
    public int CachedObjects => _live?.Count ?? 0;

    /// <inheritdoc />
    public IAsyncEnumerable<string> WatchChangesAsync(CancellationToken cancellationToken)
    {
        StartLiveInventory();
        return _live?.WatchAsync(cancellationToken) ?? AsyncEnumerable.Empty<string>();
    }

    /// <summary>Starts the live inventory once, when the target has it on.</summary>
    private void StartLiveInventory()
    {
        if (Target.InventoryCache && _live is null)
        {
            var live = new LiveInventory(Client, ScopeAsync, Logger);
            if (Interlocked.CompareExchange(ref _live, live, null) is null)
            {
                live.Start();
            }
        }
    }

    /// <summary>After our own change, puts the object's (a VM's, folder's or pool's) new state in the cache before the caller is answered.</summary>
    protected internal async Task WriteThroughAsync(ManagedObjectReference vm, CancellationToken cancellationToken)
    {
        if (_live is null)
        {
            return; // No cache: reads go to the endpoint.
        }

        // Also while the cache is cold: it notes the VM and reads it again once its first snapshot is in.

        if (await Client.RetrieveOneAsync(vm, LiveInventory.PathsOf(vm), cancellationToken) is { } fresh)
        {
            _live.Upsert(fresh);
        }
        else
        {
            _live.Remove(vm);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        if (_eventFeed is not null)
        {
            await _eventFeed.DisposeAsync();
        }

        _vapi?.Dispose();
        await Client.DisposeAsync();
    }
}
