using System.Xml.Linq;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Devices;

/// <summary>Writes <c>VirtualDeviceConfigSpec</c> elements (<c>deviceChange</c>), in WSDL element order.</summary>
internal static class DeviceSpecs
{
    /// <summary>Adds a device <paramref name="device"/> writes; <paramref name="createFile"/> makes a new disk's file.</summary>
    public static void Add(SoapWriter spec, string vimType, bool createFile, Action<SoapWriter> device) =>
        spec.Element("deviceChange", null, change =>
        {
            change.Text("operation", "add");
            if (createFile)
            {
                change.Text("fileOperation", "create");
            }

            change.Element("device", vimType, device);
        });

    /// <summary>VirtualDevice's own members in WSDL order, so that a replaced member the device lacked goes in its place.</summary>
    private static readonly string[] DeviceOrder = ["key", "deviceInfo", "backing", "connectable", "slotInfo", "controllerKey", "unitNumber"];

    /// <summary>
    /// Sends <paramref name="device"/> back whole, as read, with the elements named in <paramref name="replace"/>
    /// written anew (or added, where the device had none): vSphere edits a device by replacing it.
    /// </summary>
    public static void Edit(SoapWriter spec, XElement device, IReadOnlyDictionary<string, Action<SoapWriter>> replace) =>
        spec.Element("deviceChange", null, change => change
            .Text("operation", "edit")
            .Element("device", Vim.TypeOf(device), edited =>
            {
                var pending = replace.Keys.Where(name => device.Element(VimNamespaces.V + name) is null && DeviceOrder.Contains(name)).ToList();
                foreach (var child in device.Elements())
                {
                    var position = Array.IndexOf(DeviceOrder, child.Name.LocalName);
                    foreach (var missing in pending.Where(name => position < 0 || Array.IndexOf(DeviceOrder, name) < position).ToList())
                    {
                        replace[missing](edited);
                        pending.Remove(missing);
                    }

                    if (replace.TryGetValue(child.Name.LocalName, out var write))
                    {
                        write(edited);
                    }
                    else
                    {
                        edited.Copy(child);
                    }
                }

                foreach (var missing in pending)
                {
                    replace[missing](edited);
                }
            }));

    /// <summary>Removes <paramref name="device"/>; <paramref name="destroyFile"/> deletes a disk's file too.</summary>
    public static void Remove(SoapWriter spec, XElement device, bool destroyFile) =>
        spec.Element("deviceChange", null, change =>
        {
            change.Text("operation", "remove");
            if (destroyFile)
            {
                change.Text("fileOperation", "destroy");
            }

            change.Element("device", Vim.TypeOf(device), removed =>
            {
                foreach (var child in device.Elements())
                {
                    removed.Copy(child);
                }
            });
        });

    /// <summary>A device's label and summary, which real vSphere sets itself and vcsim keeps as given.</summary>
    public static SoapWriter Info(this SoapWriter device, string label, string summary) =>
        device.Element("deviceInfo", null, info => info.Text("label", label).Text("summary", summary));

    /// <summary>The backing of a NIC on <paramref name="network"/>: a standard network by name, a distributed port group by switch and key.</summary>
    public static void NicBacking(SoapWriter device, NetworkTarget network) =>
        device.Element("backing", network.PortgroupKey is null ? "VirtualEthernetCardNetworkBackingInfo" : "VirtualEthernetCardDistributedVirtualPortBackingInfo", backing =>
        {
            if (network.PortgroupKey is null)
            {
                backing.Text("deviceName", network.Name).Ref("network", network.Ref);
            }
            else
            {
                backing.Element("port", null, port => port.Text("switchUuid", network.SwitchUuid).Text("portgroupKey", network.PortgroupKey));
            }
        });

    /// <summary>Whether a NIC or CD-ROM is connected now and at power-on.</summary>
    public static void Connectable(SoapWriter device, bool connected) =>
        device.Element("connectable", null, c => c.Bool("startConnected", connected).Bool("allowGuestControl", true).Bool("connected", connected));
}
