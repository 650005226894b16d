using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>A datacenter and its top-level folders.</summary>
/// <param name="Ref">The datacenter.</param>
/// <param name="Name">Its name.</param>
/// <param name="VmFolder">Where VMs are created by default.</param>
/// <param name="HostFolder">Where its compute resources live.</param>
public sealed record Datacenter(ManagedObjectReference Ref, string Name, ManagedObjectReference VmFolder, ManagedObjectReference HostFolder)
{
    internal static readonly string[] Paths = ["name", "vmFolder", "hostFolder"];

    internal static Datacenter From(ObjectContent o) =>
        new(o.Obj, o.Text("name") ?? o.Obj.Value, o.Ref("vmFolder")!.Value, o.Ref("hostFolder")!.Value);
}
