using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>
/// The inventory's containers (folders, datacenters, compute resources, resource pools) by reference, so an
/// object's inventory path (<c>/DC0/vm/web</c>, as govc and SearchIndex write it) is known without walking up
/// the tree one call at a time. Names come from vSphere already escaped (<c>/</c> as <c>%2f</c>), so a path
/// splits back into names unambiguously.
/// </summary>
internal sealed class InventoryTree
{
    /// <summary>What paths need of each container type; cheap to keep current in the live inventory's feed.</summary>
    public static readonly PropertySpec[] PathSpecs =
    [
        new("Folder", ["name", "parent"]),
        new("Datacenter", ["name", "parent"]),
        new("ComputeResource", ["name", "parent"]),
        new("ResourcePool", ["name", "parent"]),
    ];

    /// <summary>What listing resource pools needs besides: their allocations, owners and contents.</summary>
    public static readonly PropertySpec[] PoolSpecs =
    [
        .. PathSpecs[..3],
        new("ResourcePool", ["name", "parent", "owner", "vm", "resourcePool", "config.cpuAllocation", "config.memoryAllocation"]),
    ];

    /// <summary>What listing folders needs besides: what each holds, and how much.</summary>
    public static readonly PropertySpec[] FolderSpecs = [new("Folder", ["name", "parent", "childType", "childEntity"]), .. PathSpecs[1..]];

    private readonly Dictionary<ManagedObjectReference, ObjectContent> _containers = [];
    private readonly Dictionary<ManagedObjectReference, string> _paths = [];

    /// <summary>Reads every container below <paramref name="root"/> (null: the root folder), and the root, in one call.</summary>
    public static async Task<InventoryTree> ReadAsync(VimClient client, ManagedObjectReference? root, IReadOnlyCollection<PropertySpec> specs, CancellationToken cancellationToken)
    {
        var tree = new InventoryTree();
        foreach (var obj in await client.RetrieveContainersAsync(root, specs, cancellationToken))
        {
            tree.TryAbsorb(obj);
        }

        return tree;
    }

    /// <summary>Takes <paramref name="obj"/> in when it is a container; false for anything else.</summary>
    public bool TryAbsorb(ObjectContent obj)
    {
        if (obj.Obj.Type is not ("Folder" or "Datacenter" or "ComputeResource" or "ClusterComputeResource" or "ResourcePool" or "VirtualApp"))
        {
            return false;
        }

        _containers[obj.Obj] = obj;
        _paths.Clear();
        return true;
    }

    /// <summary>The inventory path of a container, or of what sits in it when <paramref name="container"/> is its parent; null for one not read.</summary>
    public string? PathOf(ManagedObjectReference? container)
    {
        if (container is not { } start || !_containers.ContainsKey(start))
        {
            return null;
        }

        if (_paths.TryGetValue(start, out var known))
        {
            return known;
        }

        var names = new Stack<string>();
        for (var at = (ManagedObjectReference?)start; at is { } here && _containers.TryGetValue(here, out var obj) && obj.Ref("parent") is not null; at = obj.Ref("parent"))
        {
            names.Push(obj.Text("name") ?? here.Value); // The root folder, which has no parent, is not part of a path.
        }

        return _paths[start] = "/" + string.Join('/', names);
    }

    /// <summary><paramref name="vm"/> with the paths of its folder and resource pool.</summary>
    public VmSummary Place(VmSummary vm, ManagedObjectReference? folder, ManagedObjectReference? pool) =>
        vm with { Folder = PathOf(folder), ResourcePool = PathOf(pool) };

    /// <summary>Every folder but the root, by path.</summary>
    public IEnumerable<FolderInfo> Folders() => _containers.Values
        .Where(o => o.Obj.Type == "Folder" && o.Ref("parent") is not null)
        .Select(o => new FolderInfo
        {
            Id = o.Obj.Value,
            Name = o.Text("name") ?? o.Obj.Value,
            Path = PathOf(o.Obj)!,
            Kind = KindOf(o),
            Children = o.Refs("childEntity").Count(),
        })
        .OrderBy(f => f.Path, StringComparer.Ordinal);

    /// <summary>The folder at <paramref name="folder"/> (its path, with or without the leading slash, or its id).</summary>
    /// <exception cref="HypervisorException">NotFound, naming the nearest folders.</exception>
    public ObjectContent Folder(string folder, string argument)
    {
        Required(folder, argument);
        var wanted = Normalize(folder);
        var match = _containers.Values.FirstOrDefault(o => o.Obj.Type == "Folder" && o.Ref("parent") is not null
            && (o.Obj.Value == folder || PathOf(o.Obj) == wanted));
        return match ?? throw new HypervisorException(HypervisorErrorKind.NotFound,
            $"{argument}: no folder at '{folder}'; folders are named by path, e.g. {string.Join(", ", Folders().Take(5).Select(f => f.Path))} (list_folders shows all)");
    }

    /// <summary>Every resource pool (vApps included, which are pools too).</summary>
    public IEnumerable<ObjectContent> Pools() => _containers.Values.Where(o => o.Obj.Type is "ResourcePool" or "VirtualApp");

    /// <summary>A container's name as read; null for one not read.</summary>
    public string? NameOf(ManagedObjectReference? container) =>
        container is { } c && _containers.TryGetValue(c, out var obj) ? obj.Text("name") ?? c.Value : null;

    /// <summary>
    /// The pool at <paramref name="pool"/>: its path (with or without the leading slash) or id, or, where
    /// <paramref name="clusterRoot"/> allows, a cluster's or host's name for its root pool.
    /// </summary>
    /// <exception cref="HypervisorException">NotFound, naming some pools that exist.</exception>
    public ObjectContent Pool(string pool, string argument, bool clusterRoot = false)
    {
        Required(pool, argument);
        var wanted = Normalize(pool);
        var match = Pools().FirstOrDefault(o => o.Obj.Value == pool || PathOf(o.Obj) == wanted)
            ?? (clusterRoot ? Pools().FirstOrDefault(o => o.Ref("parent") is { } owner && owner.Type.EndsWith("ComputeResource", StringComparison.Ordinal) && NameOf(owner) == pool.Trim()) : null);
        return match ?? throw new HypervisorException(HypervisorErrorKind.NotFound,
            $"{argument}: no resource pool at '{pool}'; pools are named by path, e.g. {string.Join(", ", Pools().Select(p => PathOf(p.Obj)).Order(StringComparer.Ordinal).Take(5))} (list_resource_pools shows all)");
    }

    private static void Required(string? name, string argument)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{argument} is required: an inventory path or an id");
        }
    }

    /// <summary>A path as the tree writes it: one leading slash, none at the end.</summary>
    public static string Normalize(string path) => "/" + path.Trim().Trim('/');

    private static string KindOf(ObjectContent folder)
    {
        var holds = folder["childType"]?.Elements().Select(e => e.Value).ToHashSet(StringComparer.Ordinal) ?? [];
        return holds.Contains("VirtualMachine") ? "vm"
            : holds.Contains("ComputeResource") ? "host"
            : holds.Contains("Datastore") ? "datastore"
            : holds.Contains("Network") ? "network"
            : holds.Contains("Datacenter") ? "datacenter"
            : "other";
    }
}
