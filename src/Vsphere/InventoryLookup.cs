using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>
/// A datacenter's compute resources, pools, folders, hosts, datastores and networks, read in one
/// RetrievePropertiesEx, for resolving placement names; each miss names what does exist.
/// </summary>
internal sealed class InventoryLookup
{
    private static readonly PropertySpec[] Specs =
    [
        new("ComputeResource", ["name", "resourcePool"]),
        new("ResourcePool", ["name"]),
        new("Folder", ["name", "childType"]),
        new("HostSystem", ["name"]),
        new("Datastore", ["name", "summary.freeSpace", "summary.accessible"]),
        new("Network", ["name"]),
        new("DistributedVirtualPortgroup", ["name", "key", "config.distributedVirtualSwitch"]),
    ];

    private readonly List<ObjectContent> _objects;

    private InventoryLookup(List<ObjectContent> objects) => _objects = objects;

    public static async Task<InventoryLookup> ReadAsync(VimClient client, ManagedObjectReference datacenter, CancellationToken cancellationToken) =>
        new(await client.RetrieveAllAsync(datacenter, Specs, cancellationToken));

    public ManagedObjectReference Folder(string name) =>
        Named(name, "folder", o => o.Obj.Type == "Folder" && (o["childType"]?.Elements().Any(e => e.Value == "VirtualMachine") ?? false));

    public ManagedObjectReference Pool(string name) => Named(name, "resource pool", o => o.Obj.Type == "ResourcePool");

    public ManagedObjectReference Host(string name) => Named(name, "host", o => o.Obj.Type == "HostSystem");

    public ManagedObjectReference Cluster(string name) => Named(name, "cluster", o => o.Obj.Type == "ClusterComputeResource");

    /// <summary>An object's name, as the lookup read it; null for one it did not read.</summary>
    public string? NameOf(ManagedObjectReference? reference) => reference is null ? null : _objects.FirstOrDefault(o => o.Obj == reference)?.Text("name");

    /// <summary>The named cluster's root pool; with no name, the first cluster's, else the first compute resource's.</summary>
    public ManagedObjectReference DefaultPool(string? cluster, ManagedObjectReference? host)
    {
        var computes = _objects.Where(o => o.Obj.Type is "ComputeResource" or "ClusterComputeResource").OrderBy(o => o.Obj.Value, StringComparer.Ordinal).ToList();
        ObjectContent? chosen;
        if (cluster is not null)
        {
            chosen = computes.FirstOrDefault(o => o.Obj.Type == "ClusterComputeResource" && o.Text("name") == cluster)
                ?? throw Missing("cluster", cluster, computes.Where(o => o.Obj.Type == "ClusterComputeResource"));
        }
        else
        {
            chosen = computes.FirstOrDefault(o => o.Obj.Type == "ClusterComputeResource") ?? computes.FirstOrDefault();
        }

        return chosen?.Ref("resourcePool") ?? throw new HypervisorException(HypervisorErrorKind.Conflict, "the datacenter has no cluster or host to run a VM on");
    }

    public (ManagedObjectReference Ref, string Name) Datastore(string name)
    {
        var reference = Named(name, "datastore", o => o.Obj.Type == "Datastore");
        return (reference, name);
    }

    /// <summary>Free bytes on the named datastore.</summary>
    public long FreeBytes(string datastore) =>
        Vim.Long(_objects.First(o => o.Obj.Type == "Datastore" && o.Text("name") == datastore)["summary.freeSpace"]) ?? 0;

    /// <summary>The accessible datastore with the most free space (the original's default).</summary>
    public (ManagedObjectReference Ref, string Name) MostFreeDatastore()
    {
        var best = _objects.Where(o => o.Obj.Type == "Datastore" && o.Text("summary.accessible") != "false")
            .OrderByDescending(o => Vim.Long(o["summary.freeSpace"]) ?? 0)
            .ThenBy(o => o.Text("name"), StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new HypervisorException(HypervisorErrorKind.Conflict, "the datacenter has no accessible datastore for a new VM");
        return (best.Obj, best.Text("name")!);
    }

    /// <summary>A network or port group by name, without the distributed switch details a NIC backing needs.</summary>
    public ManagedObjectReference Network(string name) => Named(name, "network", o => o.Obj.Type is "Network" or "DistributedVirtualPortgroup" or "OpaqueNetwork");

    public async Task<NetworkTarget> NetworkAsync(VimClient client, string name, CancellationToken cancellationToken)
    {
        var network = _objects.FirstOrDefault(o => o.Obj.Type is "Network" or "DistributedVirtualPortgroup" or "OpaqueNetwork" && o.Text("name") == name)
            ?? throw Missing("network", name, _objects.Where(o => o.Obj.Type is "Network" or "DistributedVirtualPortgroup" or "OpaqueNetwork"));
        if (network.Obj.Type != "DistributedVirtualPortgroup")
        {
            return new NetworkTarget(network.Obj, name, null, null);
        }

        var dvs = network.Ref("config.distributedVirtualSwitch") ?? throw new HypervisorException(HypervisorErrorKind.Failed, $"port group '{name}' names no distributed switch");
        var uuid = (await client.RetrieveOneAsync(dvs, ["uuid"], cancellationToken))?.Text("uuid");
        return new NetworkTarget(network.Obj, name, network.Text("key"), uuid);
    }

    private ManagedObjectReference Named(string name, string what, Func<ObjectContent, bool> isKind)
    {
        var candidates = _objects.Where(isKind).ToList();
        var matches = candidates.Where(o => o.Text("name") == name).ToList();
        return matches.Count switch
        {
            1 => matches[0].Obj,
            0 => throw Missing(what, name, candidates),
            _ => throw new HypervisorException(HypervisorErrorKind.Conflict, $"{matches.Count} objects are named {what} '{name}' ({string.Join(", ", matches.Select(m => m.Obj.Value))})"),
        };
    }

    private static HypervisorException Missing(string what, string name, IEnumerable<ObjectContent> candidates)
    {
        var known = candidates.Select(o => o.Text("name")).Where(n => n is not null).Distinct().Order(StringComparer.Ordinal).Take(20).ToList();
        return new HypervisorException(HypervisorErrorKind.NotFound, $"no {what} named '{name}'; available: {(known.Count == 0 ? "none" : string.Join(", ", known))}");
    }
}
