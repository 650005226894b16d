using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider
{
    /// <inheritdoc />
    public async Task<VmPage> ListVmsAsync(VmQuery query, CancellationToken cancellationToken)
    {
        if (query.Offset < 0 || query.Limit is < 0)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "offset and limit must be zero or more");
        }

        if (query.Template == true && !IsVCenter)
        {
            throw NotOnThisKind("listing templates");
        }

        StartLiveInventory();
        var all = _live?.Vms is { } snapshot ? snapshot.WithNamePrefix(NameGlob.LiteralPrefix(query.NameGlob)) : await ReadVmSummariesAsync(cancellationToken);
        var matchesName = NameGlob.Compile(query.NameGlob);
        var tagged = query.Tags is { Count: > 0 } tags ? await VmsTaggedAsync(tags, cancellationToken) : null;
        var matching = all
            .Where(vm => matchesName(vm.Name))
            .Where(vm => query.PowerState is null || string.Equals(vm.PowerState, query.PowerState, StringComparison.OrdinalIgnoreCase))
            .Where(vm => query.Host is null || string.Equals(vm.Host, query.Host, StringComparison.OrdinalIgnoreCase))
            .Where(vm => query.Cluster is null || string.Equals(vm.Cluster, query.Cluster, StringComparison.OrdinalIgnoreCase))
            .Where(vm => query.Template is null || vm.IsTemplate == query.Template)
            .Where(vm => query.Folder is null || InventoryPaths.Within(vm.Folder, query.Folder, query.FolderSubtree))
            .Where(vm => query.ResourcePool is null || InventoryPaths.Names(vm.ResourcePool, query.ResourcePool))
            .Where(vm => tagged is null || tagged.Contains(vm.Id))
            .Where(vm => query.Attributes is null || query.Attributes.All(a => vm.Attributes.TryGetValue(a.Key, out var value) && string.Equals(value, a.Value, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        var page = matching.Skip(query.Offset).Take(query.Limit ?? int.MaxValue).ToList();
        var next = query.Offset + page.Count;
        return new VmPage(page, matching.Count, query.Offset, next < matching.Count ? next : null);
    }

    /// <summary>
    /// Every VM straight from the endpoint, sorted: VMs, hosts and clusters come back in one
    /// RetrievePropertiesEx (plus continuations), whatever the count, through the session's kept VM view.
    /// </summary>
    private async Task<IReadOnlyList<VmSummary>> ReadVmSummariesAsync(CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(cancellationToken);
        var hosts = new HostDirectory();
        var rows = new List<(VmSummary Vm, VmPlacementRefs At)>();
        var tree = new InventoryTree();
        var attributes = new AttributeNames();
        var fields = (await ContentAsync(cancellationToken)).CustomFieldsManager;
        await Client.RetrieveVmsAsync(scope, VmProperties.Summary, [HostDirectory.HostSpec, .. InventoryTree.PathSpecs, AttributeNames.Spec], obj =>
        {
            // Kept as rows as they arrive: hosts and folders may come after their VMs, so rows are placed below.
            if (!(hosts.TryAbsorb(obj) | tree.TryAbsorb(obj) | attributes.TryAbsorb(obj)))
            {
                rows.Add((VmProperties.ToUnplacedSummary(obj), VmProperties.PlacementOf(obj)));
            }
        }, fields is { } f ? [f] : [], cancellationToken);
        return rows
            .Select(row => VmProperties.Place(row.Vm, row.At, hosts, tree, attributes))
            .OrderBy(vm => vm.Name, StringComparer.Ordinal)
            .ThenBy(vm => vm.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<VmDetails> GetVmAsync(string vm, CancellationToken cancellationToken)
    {
        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        return await ReadDetailsAsync(vmRef, cancellationToken);
    }

    /// <summary>Reads a VM's details in two calls: the VM, then the host, cluster, folder, pool, datastores and networks it names.</summary>
    protected internal async Task<VmDetails> ReadDetailsAsync(ManagedObjectReference vmRef, CancellationToken cancellationToken)
    {
        var vm = await Client.RetrieveOneAsync(vmRef, VmProperties.Details, cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"VM '{vmRef.Value}' no longer exists on target '{Target.Name}'");

        var related = new HashSet<ManagedObjectReference>(vm.Refs("datastore"));
        if (vm.Ref("runtime.host") is { } host)
        {
            related.Add(host);
        }

        foreach (var device in vm["config.hardware.device"]?.Elements() ?? [])
        {
            if (Vim.Ref(Vim.Path(device, "backing.network")) is { } network)
            {
                related.Add(network);
            }

            if (Vim.Ref(Vim.Path(device, "backing.datastore")) is { } datastore)
            {
                related.Add(datastore);
            }
        }

        // The host's, folder's and pool's ancestors come along: the cluster and both inventory paths, in this one call.
        var ancestorsOf = new[] { vm.Ref("runtime.host"), vm.Ref("parent"), vm.Ref("resourcePool") }.OfType<ManagedObjectReference>().ToList();
        if ((await ContentAsync(cancellationToken)).CustomFieldsManager is { } fields && vm["customValue"] is { HasElements: true })
        {
            related.Add(fields);
        }

        var relatedObjects = await Client.RetrieveWithAncestorsAsync(related, ancestorsOf,
            [new PropertySpec("HostSystem", ["name", "parent"]), new PropertySpec("Datastore", ["name"]), new PropertySpec("Network", ["name"]), .. InventoryTree.PathSpecs, AttributeNames.Spec], cancellationToken);
        var hostDirectory = new HostDirectory();
        var tree = new InventoryTree();
        var attributes = new AttributeNames();
        var names = relatedObjects.ToDictionary(o => o.Obj, o => o.Text("name") ?? o.Obj.Value);
        foreach (var obj in relatedObjects)
        {
            _ = hostDirectory.TryAbsorb(obj) | tree.TryAbsorb(obj) | attributes.TryAbsorb(obj);
        }

        var portgroups = await PortgroupNamesAsync(vm, cancellationToken);
        return VmProperties.ToDetails(vm, hostDirectory, tree, attributes, names, portgroups) with { Tags = await VmTagsAsync(vmRef, cancellationToken) };
    }

    /// <summary>Distributed port group names by key, read only when a NIC is on a distributed switch.</summary>
    private async Task<IReadOnlyDictionary<string, string>> PortgroupNamesAsync(ObjectContent vm, CancellationToken cancellationToken)
    {
        var onDistributed = vm["config.hardware.device"]?.Elements().Any(d => Vim.Path(d, "backing.port.portgroupKey") is not null) == true;
        if (!onDistributed)
        {
            return new Dictionary<string, string>();
        }

        var portgroups = await Client.RetrieveAllAsync(await ScopeAsync(cancellationToken), "DistributedVirtualPortgroup", ["name", "key"], cancellationToken);
        return portgroups.Where(p => p.Text("key") is not null).ToDictionary(p => p.Text("key")!, p => p.Text("name") ?? p.Obj.Value, StringComparer.Ordinal);
    }
}
