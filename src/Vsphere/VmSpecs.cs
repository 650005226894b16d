using VmwareMcp.Vim25;
using VmwareMcp.Vsphere.Devices;

namespace VmwareMcp.Vsphere;

/// <summary>The hardware of a VM to create: what <see cref="VmSpecs.Create"/> writes as a <c>VirtualMachineConfigSpec</c>.</summary>
/// <param name="Name">Display name.</param>
/// <param name="GuestId">Guest OS id.</param>
/// <param name="Vcpus">vCPUs.</param>
/// <param name="MemoryMib">Memory in MiB.</param>
/// <param name="VmPathName">Datastore path of the VM's files: <c>[ds]</c> (a new folder) or <c>[ds] folder/name.vmx</c>.</param>
/// <param name="Nics">One VMXNET3 adapter per network.</param>
/// <param name="NewDiskGb">Size of a new thin disk, or 0 for none.</param>
/// <param name="ExistingDisks">Disk files to attach as they are (for example copies made by a clone).</param>
internal sealed record VmHardware(
    string Name, string GuestId, int Vcpus, int MemoryMib, string VmPathName,
    IReadOnlyList<NetworkTarget> Nics, int NewDiskGb, IReadOnlyList<string> ExistingDisks);

/// <summary>Writes the vim25 specs for creating and changing VMs, in WSDL element order.</summary>
internal static class VmSpecs
{
    /// <summary>Writes a VirtualMachineRelocateSpec's placement (clone location, relocation): only what is named.</summary>
    public static void Placement(SoapWriter spec, ManagedObjectReference? datastore, ManagedObjectReference? pool, ManagedObjectReference? host)
    {
        if (datastore is { } d)
        {
            spec.Ref("datastore", d);
        }

        if (pool is { } p)
        {
            spec.Ref("pool", p);
        }

        if (host is { } h)
        {
            spec.Ref("host", h);
        }
    }

    private const int ControllerKey = -100;

    /// <summary>A <c>VirtualMachineConfigSpec</c> for <paramref name="vm"/>.</summary>
    public static Action<SoapWriter> Create(VmHardware vm) => w =>
    {
        w.Text("name", vm.Name)
         .Text("guestId", vm.GuestId)
         .Element("files", null, f => f.Text("vmPathName", vm.VmPathName))
         .Number("numCPUs", vm.Vcpus)
         .Number("memoryMB", vm.MemoryMib);

        var key = -1;
        foreach (var network in vm.Nics)
        {
            var nicKey = key--;
            w.Element("deviceChange", null, change => change
                .Text("operation", "add")
                .Element("device", "VirtualVmxnet3", nic =>
                {
                    nic.Number("key", nicKey);
                    DeviceSpecs.NicBacking(nic, network);
                    DeviceSpecs.Connectable(nic, true);
                    nic.Text("addressType", "generated");
                }));
        }

        var disks = vm.ExistingDisks.Select(path => (Path: path, NewKb: 0L)).ToList();
        if (vm.NewDiskGb > 0)
        {
            disks.Add(($"[{VmProperties.DatastoreOfPath(vm.VmPathName)}]", (long)vm.NewDiskGb * 1024 * 1024));
        }

        if (disks.Count == 0)
        {
            return;
        }

        w.Element("deviceChange", null, change => change
            .Text("operation", "add")
            .Element("device", "VirtualLsiLogicController", controller => controller
                .Number("key", ControllerKey)
                .Number("busNumber", 0)
                .Text("sharedBus", "noSharing")));
        for (var i = 0; i < disks.Count; i++)
        {
            var (path, newKb) = disks[i];
            var diskKey = key--;
            // Unit 7 is the SCSI controller's own.
            var unit = i < 7 ? i : i + 1;
            w.Element("deviceChange", null, change =>
            {
                change.Text("operation", "add");
                if (newKb > 0)
                {
                    change.Text("fileOperation", "create");
                }

                change.Element("device", "VirtualDisk", disk =>
                {
                    disk.Number("key", diskKey)
                        .Element("backing", "VirtualDiskFlatVer2BackingInfo", backing => backing
                            .Text("fileName", path)
                            .Text("diskMode", "persistent")
                            .Bool("thinProvisioned", true))
                        .Number("controllerKey", ControllerKey)
                        .Number("unitNumber", unit);
                    if (newKb > 0)
                    {
                        disk.Number("capacityInKB", newKb);
                    }
                });
            });
        }
    };

    /// <summary>A <c>VirtualMachineConfigSpec</c> that changes only vCPUs and memory.</summary>
    public static Action<SoapWriter> Resize(int? vcpus, int? memoryMib) => w => w
        .Number("numCPUs", vcpus)
        .Number("memoryMB", memoryMib);
}
