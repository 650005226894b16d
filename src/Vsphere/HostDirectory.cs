using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>Host and cluster names by host reference, read in the same call as the VMs that point at them.</summary>
internal sealed class HostDirectory
{
    public static readonly PropertySpec HostSpec = new("HostSystem", ["name", "parent"]);
    public static readonly PropertySpec ComputeSpec = new("ComputeResource", ["name"]);

    private readonly Dictionary<ManagedObjectReference, (string Name, ManagedObjectReference? Parent)> _hosts = [];
    private readonly Dictionary<ManagedObjectReference, string> _clusters = [];

    /// <summary>Takes in every host and cluster of a mixed result, at once; returns the rest.</summary>
    /// <remarks>Eager: rows are placed only once every host is in, so a lazy filter would be a trap.</remarks>
    public List<ObjectContent> Absorb(IEnumerable<ObjectContent> objects) => objects.Where(obj => !TryAbsorb(obj)).ToList();

    /// <summary>Takes <paramref name="obj"/> in when it is a host or a compute resource; false for anything else.</summary>
    public bool TryAbsorb(ObjectContent obj)
    {
        switch (obj.Obj.Type)
        {
            case "HostSystem":
                _hosts[obj.Obj] = (obj.Text("name") ?? obj.Obj.Value, obj.Ref("parent"));
                return true;
            case "ClusterComputeResource":
                _clusters[obj.Obj] = obj.Text("name") ?? obj.Obj.Value;
                return true;
            case "ComputeResource":
                return true; // A standalone host's own compute resource is not a cluster.
            default:
                return false;
        }
    }

    /// <summary><paramref name="vm"/> with the names of the host it runs on and that host's cluster.</summary>
    public VmSummary Place(VmSummary vm, ManagedObjectReference? host) =>
        host is { } h ? vm with { Host = HostName(h), Cluster = ClusterName(h) } : vm;

    public string? HostName(ManagedObjectReference host) => _hosts.TryGetValue(host, out var h) ? h.Name : null;

    public string? ClusterName(ManagedObjectReference host) =>
        _hosts.TryGetValue(host, out var h) && h.Parent is { } parent && _clusters.TryGetValue(parent, out var name) ? name : null;
}
