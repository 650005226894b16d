using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>
/// VMs, hosts and clusters of one target, kept current in the background by a PropertyCollector filter
/// over a ContainerView and <c>WaitForUpdatesEx</c>. Until the first full sync, and after any failure
/// (lost session, endpoint restart) until a full resync, it is cold and reads go to the endpoint.
/// </summary>
internal sealed partial class LiveInventory(VimClient client, Func<CancellationToken, Task<ManagedObjectReference?>> scope, ILogger logger) : IAsyncDisposable
{
    // VMs and hosts come through a container view; the containers through a traversal of the tree (see
    // PropertyCollector.ContainerObjects). The tree's compute resource spec (name, parent) serves the host directory too.
    private static readonly PropertySpec[] ViewSpecs = [new("VirtualMachine", VmProperties.Summary), HostDirectory.HostSpec];
    private static readonly PropertySpec[] Specs = [.. ViewSpecs, .. InventoryTree.PathSpecs, AttributeNames.Spec];
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<ManagedObjectReference, Dictionary<string, XElement>> _objects = [];
    private readonly HashSet<ManagedObjectReference> _changedWhileCold = [];
    private readonly OwnWrites _ownWrites = new();
    private readonly ChangeBroadcast _changes = new();
    private Task? _loop;
    private VmSnapshot? _vms;

    /// <summary>What the feed keeps of an object of <paramref name="obj"/>'s type (a subtype reads as its base type does).</summary>
    public static IReadOnlyCollection<string> PathsOf(ManagedObjectReference obj)
    {
        var type = obj.Type switch { "ClusterComputeResource" => "ComputeResource", "VirtualApp" => "ResourcePool", var t => t };
        return Specs.First(s => s.Type == type).Paths;
    }

    /// <summary>Every VM, sorted by name then id, or null while cold.</summary>
    public VmSnapshot? Vms => Volatile.Read(ref _vms);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    /// <summary>The ids of objects as the feed (or this host) changes them; see <see cref="ChangeBroadcast"/>.</summary>
    public IAsyncEnumerable<string> WatchAsync(CancellationToken cancellationToken) => _changes.ReadAsync(cancellationToken);

    public void Start()
    {
        lock (_gate)
        {
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    /// <summary>Writes an object (a VM, a folder, a pool) we just changed through, so our own change is in the next read.</summary>
    public void Upsert(ObjectContent vm)
    {
        lock (_gate)
        {
            if (_vms is null)
            {
                _changedWhileCold.Add(vm.Obj); // Read again once the first snapshot is in; it may predate this change.
                return;
            }

            _objects[vm.Obj] = vm.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            _ownWrites.Wrote(vm);
            Rebuild();
            _changes.Publish(vm.Obj.Value);
        }
    }

    /// <summary>Drops an object we just deleted.</summary>
    public void Remove(ManagedObjectReference vm)
    {
        lock (_gate)
        {
            if (_vms is null)
            {
                _changedWhileCold.Add(vm);
            }
            else
            {
                _ownWrites.Deleted(vm);
                if (_objects.Remove(vm))
                {
                    Rebuild();
                    _changes.Publish(vm.Value);
                }
            }
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stop);
            }
            catch (HypervisorException ex)
            {
                lock (_gate)
                {
                    Volatile.Write(ref _vms, null); // Cold: reads go to the endpoint until a full resync.
                }

                LogCold(logger, client.Target.Name, ex.Message);
                try
                {
                    // Reconnect back-off, not synchronisation: the endpoint is down or busy.
                    await Task.Delay(backoff, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromSeconds(Math.Min(30, backoff.TotalSeconds * 2));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task SyncAsync(CancellationToken stop)
    {
        var content = await client.GetServiceContentAsync(stop);
        var root = await scope(stop) ?? content.RootFolder;
        var collector = (await client.InvokeAsync("CreatePropertyCollector", content.PropertyCollector, null, stop)).Select(Vim.Ref).Single()!.Value;
        try
        {
            var view = (await client.InvokeAsync("CreateContainerView", content.ViewManager, w =>
            {
                w.Ref("container", root);
                foreach (var spec in ViewSpecs)
                {
                    w.Text("type", spec.Type);
                }

                w.Bool("recursive", true);
            }, stop)).Select(Vim.Ref).Single()!.Value;
            await client.InvokeAsync("CreateFilter", collector, w => w
                .Element("spec", null, spec =>
                {
                    PropSets(spec, ViewSpecs);
                    spec.Element("objectSet", null, o => o.Ref("obj", view).Bool("skip", true)
                        .Element("selectSet", "TraversalSpec", t => t.Text("name", "view").Text("type", "ContainerView").Text("path", "view").Bool("skip", false)));
                })
                .Bool("partialUpdates", false), stop);
            await client.InvokeAsync("CreateFilter", collector, w => w
                .Element("spec", null, spec =>
                {
                    PropSets(spec, [.. InventoryTree.PathSpecs, AttributeNames.Spec]);
                    PropertyCollector.ContainerObjects(spec, root);
                    if (content.CustomFieldsManager is { } fields)
                    {
                        spec.Element("objectSet", null, o => o.Ref("obj", fields).Bool("skip", false)); // Attribute names, kept current too.
                    }
                })
                .Bool("partialUpdates", false), stop);

            var version = string.Empty;
            var first = true;
            while (!stop.IsCancellationRequested)
            {
                var updateSet = (await client.InvokeAsync("WaitForUpdatesEx", collector, w => w
                    .Text("version", version)
                    .Element("options", null, o => o.Number("maxWaitSeconds", 30)), stop)).FirstOrDefault();
                if (updateSet is null)
                {
                    continue;
                }

                bool complete;
                lock (_gate)
                {
                    if (first)
                    {
                        _objects.Clear();
                    }

                    Apply(updateSet);
                    version = Vim.Text(updateSet, "version") ?? version;
                    complete = Vim.Text(updateSet, "truncated") != "true";
                    if (complete && !first)
                    {
                        Rebuild();
                    }
                }

                if (complete && first)
                {
                    await CatchUpAsync(stop);
                    first = false;
                }
            }
        }
        finally
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.InvokeAsync("DestroyPropertyCollector", collector, null, timeout.Token);
            }
            catch (Exception ex) when (ex is HypervisorException or OperationCanceledException)
            {
                // It dies with the session anyway.
            }
        }
    }

    /// <summary>
    /// Goes warm: the VMs this host changed while the first snapshot was being taken are read again first,
    /// since the snapshot may predate those changes and the feed will not send them again; then the cache is
    /// published. A change made during these reads is read in the next round.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken stop)
    {
        while (true)
        {
            List<ManagedObjectReference> changed;
            lock (_gate)
            {
                changed = [.. _changedWhileCold];
                _changedWhileCold.Clear();
                if (changed.Count == 0)
                {
                    Rebuild();
                    LogWarm(logger, client.Target.Name, _objects.Count);
                    return;
                }
            }

            foreach (var vm in changed)
            {
                var fresh = await client.RetrieveOneAsync(vm, PathsOf(vm), stop);
                lock (_gate)
                {
                    if (fresh is null)
                    {
                        _objects.Remove(vm);
                    }
                    else
                    {
                        _objects[vm] = fresh.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                    }
                }
            }
        }
    }

    /// <remarks>
    /// Leaves are applied before the rest. vSphere never has an object enter and leave one filter in one update
    /// set, but vcsim moves a VM between folders as a removal and a new entry and may send the entry first: in
    /// that order the moved VM would drop out of the cache.
    /// </remarks>
    private void Apply(XElement updateSet)
    {
        var updates = updateSet.Descendants(VimNamespaces.V + "objectSet").ToList();
        foreach (var update in updates.Where(u => Vim.Text(u, "kind") == "leave").Concat(updates.Where(u => Vim.Text(u, "kind") != "leave")))
        {
            if (Vim.Ref(update.Element(VimNamespaces.V + "obj")) is not { } obj)
            {
                continue;
            }

            if (Vim.Text(update, "kind") == "leave")
            {
                _objects.Remove(obj);
                _ownWrites.Left(obj);
                _changes.Publish(obj.Value);
                continue;
            }

            if (_ownWrites.IsGone(obj))
            {
                continue; // Collected before our delete; its leaving is still to come.
            }

            if (!_objects.TryGetValue(obj, out var properties))
            {
                _objects[obj] = properties = new Dictionary<string, XElement>(StringComparer.Ordinal);
            }

            var delivered = new List<string>();
            foreach (var change in update.Elements(VimNamespaces.V + "changeSet"))
            {
                var name = Vim.Text(change, "name");
                if (name is null)
                {
                    continue;
                }

                delivered.Add(name);

                if (Vim.Text(change, "op") is "remove" or "indirectRemove" || change.Element(VimNamespaces.V + "val") is not { } val)
                {
                    properties.Remove(name);
                }
                else
                {
                    properties[name] = val;
                }
            }

            _ownWrites.Overlay(obj, delivered, properties);
            _changes.Publish(obj.Value);
        }
    }

    /// <summary>Rebuilds the sorted VM list readers share; called under the lock after each batch.</summary>
    private void Rebuild()
    {
        var hosts = new HostDirectory();
        var tree = new InventoryTree();
        var attributes = new AttributeNames();
        var vms = _objects.Select(o => new ObjectContent(o.Key, o.Value))
            .Where(obj => !(hosts.TryAbsorb(obj) | tree.TryAbsorb(obj) | attributes.TryAbsorb(obj)))
            .ToList()
            .Select(vm => VmProperties.ToSummary(vm, hosts, tree, attributes))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToArray();
        Volatile.Write(ref _vms, new VmSnapshot(vms));
    }

    private static void PropSets(SoapWriter spec, IEnumerable<PropertySpec> specs)
    {
        foreach (var propertySpec in specs)
        {
            spec.Element("propSet", null, p =>
            {
                p.Text("type", propertySpec.Type);
                foreach (var path in propertySpec.Paths)
                {
                    p.Text("pathSet", path);
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory cache for target {Target} is warm with {Objects} objects")]
    private static partial void LogWarm(ILogger logger, string target, int objects);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory cache for target {Target} is cold, reads go to the endpoint until it resyncs: {Reason}")]
    private static partial void LogCold(ILogger logger, string target, string reason);
}
