using System.Xml.Linq;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Devices;

/// <summary>Builds the device changes that add a network adapter, move it to another network, or connect and disconnect it.</summary>
internal static class NicChanges
{
    private const int NewNicKey = -1;

    public static Action<SoapWriter> Add(DeviceList devices, NetworkTarget network, string adapterType, bool connected)
    {
        var label = devices.NextLabel("Network adapter", devices.Nics);
        return spec => DeviceSpecs.Add(spec, DeviceKinds.AdapterType(adapterType), false, nic =>
        {
            nic.Number("key", NewNicKey).Info(label, network.Name);
            DeviceSpecs.NicBacking(nic, network);
            DeviceSpecs.Connectable(nic, connected);
            nic.Text("addressType", "generated");
        });
    }

    /// <summary>The edit of <paramref name="nic"/>: a new backing when <paramref name="network"/> is given, a new connection state when <paramref name="connected"/> is.</summary>
    public static Action<SoapWriter> Change(XElement nic, NetworkTarget? network, bool? connected)
    {
        var replace = new Dictionary<string, Action<SoapWriter>>();
        if (network is not null)
        {
            replace["backing"] = d => DeviceSpecs.NicBacking(d, network);
        }

        if (connected is { } on)
        {
            replace["connectable"] = d => DeviceSpecs.Connectable(d, on);
        }

        return spec => DeviceSpecs.Edit(spec, nic, replace);
    }
}
