using System.Globalization;
using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Devices;

/// <summary>
/// A VM's <c>config.hardware.device</c> as read: finds a device by what a caller names it by, and the free
/// slots, keys and labels a new device needs.
/// </summary>
internal sealed class DeviceList(IReadOnlyList<XElement> devices)
{
    public IEnumerable<XElement> Disks => devices.Where(d => Vim.TypeOf(d) == "VirtualDisk");

    public IEnumerable<XElement> Nics => devices.Where(d => DeviceKinds.IsNic(Vim.TypeOf(d)));

    public IEnumerable<XElement> Cdroms => devices.Where(d => Vim.TypeOf(d) == "VirtualCdrom");

    public IEnumerable<XElement> Controllers => devices.Where(d => DeviceKinds.IsController(Vim.TypeOf(d)));

    public static int Key(XElement device) => (int)(Vim.Long(device.Element(VimNamespaces.V + "key")) ?? 0);

    public static string Label(XElement device) => Vim.Path(device, "deviceInfo.label")?.Value ?? Vim.TypeOf(device) + "-" + Key(device).ToString(CultureInfo.InvariantCulture);

    public static int? ControllerKey(XElement device) => (int?)Vim.Long(device.Element(VimNamespaces.V + "controllerKey"));

    public static int? Unit(XElement device) => (int?)Vim.Long(device.Element(VimNamespaces.V + "unitNumber"));

    public XElement? ByKey(int key) => devices.FirstOrDefault(d => Key(d) == key);

    /// <summary>The device of <paramref name="kind"/> a caller named by label or key (or, for a NIC, MAC address).</summary>
    /// <exception cref="HypervisorException">NotFound naming <paramref name="field"/> and what there is.</exception>
    public XElement Find(IEnumerable<XElement> kind, string name, string field, string what)
    {
        var candidates = kind.ToList();
        var found = candidates.FirstOrDefault(d => string.Equals(Label(d), name, StringComparison.OrdinalIgnoreCase)
                                                   || Key(d).ToString(CultureInfo.InvariantCulture) == name
                                                   || string.Equals(Vim.Text(d, "macAddress"), name, StringComparison.OrdinalIgnoreCase));
        return found ?? throw new HypervisorException(HypervisorErrorKind.NotFound,
            $"{field}: the VM has no {what} '{name}'; it has {(candidates.Count == 0 ? "none" : string.Join(", ", candidates.Select(d => $"'{Label(d)}' (key {Key(d)})")))}");
    }

    /// <summary>The first free slot on <paramref name="controller"/>, or null when it is full.</summary>
    public int? FreeUnit(XElement controller)
    {
        var key = Key(controller);
        var used = devices.Where(d => ControllerKey(d) == key).Select(Unit).OfType<int>().ToHashSet();
        return DeviceKinds.Units(Vim.TypeOf(controller)).Cast<int?>().FirstOrDefault(unit => !used.Contains(unit!.Value));
    }

    /// <summary>The lowest bus number no controller of <paramref name="family"/> uses, or null when the VM has all it may.</summary>
    public int? FreeBus(string family)
    {
        var used = Controllers.Where(c => DeviceKinds.Family(Vim.TypeOf(c)) == family)
            .Select(c => (int)(Vim.Long(c.Element(VimNamespaces.V + "busNumber")) ?? 0)).ToHashSet();
        return Enumerable.Range(0, DeviceKinds.PerVm(family)).Cast<int?>().FirstOrDefault(bus => !used.Contains(bus!.Value));
    }

    /// <summary>A label in vSphere's style (<c>Hard disk 3</c>, counting the devices of the kind) that no device has yet.</summary>
    public string NextLabel(string prefix, IEnumerable<XElement> kind)
    {
        var labels = devices.Select(Label).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Enumerable.Range(kind.Count() + 1, int.MaxValue - 1000).Select(n => $"{prefix} {n}").First(label => !labels.Contains(label));
    }
}
