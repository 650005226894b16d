using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>Writes the vim25 specs for creating and changing VMs, in WSDL element order.</summary>
internal static class VmSpecs
{
    private const int ControllerKey = -100;

    /// <summary>A <c>VirtualMachineConfigSpec</c> for a new VM with one NIC and, optionally, a thin disk.</summary>
    public static Action<SoapWriter> Create(string name, string guestId, int vcpus, int memoryMib, string datastore, NetworkTarget network, int diskGb) => w =>
    {
        w.Text("name", name)
         .Text("guestId", guestId)
         .Element("files", null, f => f.Text("vmPathName", $"[{datastore}]"))
         .Number("numCPUs", vcpus)
         .Number("memoryMB", memoryMib);

        w.Element("deviceChange", null, change => change
            .Text("operation", "add")
            .Element("device", "VirtualVmxnet3", nic => nic
                .Number("key", -1)
                .Element("backing", network.PortgroupKey is null ? "VirtualEthernetCardNetworkBackingInfo" : "VirtualEthernetCardDistributedVirtualPortBackingInfo", backing =>
                {
                    if (network.PortgroupKey is null)
                    {
                        backing.Text("deviceName", network.Name).Ref("network", network.Ref);
                    }
                    else
                    {
                        backing.Element("port", null, port => port.Text("switchUuid", network.SwitchUuid).Text("portgroupKey", network.PortgroupKey));
                    }
                })
                .Element("connectable", null, c => c.Bool("startConnected", true).Bool("allowGuestControl", true).Bool("connected", true))
                .Text("addressType", "generated")));

        if (diskGb > 0)
        {
            w.Element("deviceChange", null, change => change
                .Text("operation", "add")
                .Element("device", "VirtualLsiLogicController", controller => controller
                    .Number("key", ControllerKey)
                    .Number("busNumber", 0)
                    .Text("sharedBus", "noSharing")));
            w.Element("deviceChange", null, change => change
                .Text("operation", "add")
                .Text("fileOperation", "create")
                .Element("device", "VirtualDisk", disk => disk
                    .Number("key", -101)
                    .Element("backing", "VirtualDiskFlatVer2BackingInfo", backing => backing
                        .Text("fileName", $"[{datastore}]")
                        .Text("diskMode", "persistent")
                        .Bool("thinProvisioned", true))
                    .Number("controllerKey", ControllerKey)
                    .Number("unitNumber", 0)
                    .Number("capacityInKB", (long)diskGb * 1024 * 1024)));
        }
    };

    /// <summary>A <c>VirtualMachineConfigSpec</c> that changes only vCPUs and memory.</summary>
    public static Action<SoapWriter> Resize(int? vcpus, int? memoryMib) => w => w
        .Number("numCPUs", vcpus)
        .Number("memoryMB", memoryMib);
}
