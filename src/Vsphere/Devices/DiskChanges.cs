using System.Globalization;
using System.Xml.Linq;
using VmwareMcp.Abstractions.Devices;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Devices;

/// <summary>Builds the device changes that add, grow and remove disks, choosing controllers and slots as vSphere's client does.</summary>
internal static class DiskChanges
{
    /// <summary>vSphere's largest virtual disk, 62 TiB.</summary>
    public const int MaxSizeGb = 62 * 1024;

    private const int NewControllerKey = -100;
    private const int NewDiskKey = -101;

    public static readonly string[] Provisionings = ["thin", "thick", "eager_zeroed"];

    /// <summary>The changes that add <paramref name="disk"/> on <paramref name="datastore"/>, with a new controller first when one is needed.</summary>
    public static Action<SoapWriter> Add(DeviceList devices, NewDisk disk, string datastore)
    {
        var provisioning = disk.Provisioning ?? "thin";
        var (controllerKey, unit, newController) = Slot(devices, disk.Controller);
        var label = devices.NextLabel("Hard disk", devices.Disks);
        return spec =>
        {
            if (newController is { } controller)
            {
                DeviceSpecs.Add(spec, DeviceKinds.ControllerType(controller.Type), false, c =>
                {
                    c.Number("key", NewControllerKey).Info(controller.Label, controller.Type).Number("busNumber", controller.Bus);
                    if (DeviceKinds.Family(DeviceKinds.ControllerType(controller.Type)) == "scsi")
                    {
                        c.Text("sharedBus", "noSharing");
                    }
                });
            }

            DeviceSpecs.Add(spec, "VirtualDisk", true, d => d
                .Number("key", NewDiskKey)
                .Info(label, $"{disk.SizeGb} GB")
                .Element("backing", "VirtualDiskFlatVer2BackingInfo", b => b
                    .Text("fileName", $"[{datastore}]")
                    .Text("diskMode", "persistent")
                    .Bool("thinProvisioned", provisioning == "thin")
                    .Bool("eagerlyScrub", provisioning == "eager_zeroed"))
                .Number("controllerKey", controllerKey)
                .Number("unitNumber", unit)
                .Number("capacityInKB", (long)disk.SizeGb * 1024 * 1024));
        };
    }

    /// <summary>The change that grows <paramref name="disk"/> to <paramref name="sizeGb"/> GiB.</summary>
    public static Action<SoapWriter> Grow(XElement disk, int sizeGb)
    {
        var kb = (long)sizeGb * 1024 * 1024;
        var currentKb = CapacityKb(disk);
        if (kb <= currentKb)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument,
                $"size_gb: {sizeGb} GiB does not grow '{DeviceList.Label(disk)}', which has {currentKb / (1024.0 * 1024):0.##} GiB; a disk can only grow");
        }

        return spec => DeviceSpecs.Edit(spec, disk, new Dictionary<string, Action<SoapWriter>>
        {
            ["capacityInKB"] = d => d.Number("capacityInKB", kb),
            ["capacityInBytes"] = d => d.Number("capacityInBytes", kb * 1024),
        });
    }

    public static long CapacityKb(XElement disk) =>
        Vim.Long(disk.Element(VimNamespaces.V + "capacityInKB")) ?? (Vim.Long(disk.Element(VimNamespaces.V + "capacityInBytes")) ?? 0) / 1024;

    /// <summary>The controller and slot for a new disk: the named controller, a new one of the named type, or the first SCSI one with room.</summary>
    private static (int ControllerKey, int Unit, (string Type, string Label, int Bus)? NewController) Slot(DeviceList devices, string? controller)
    {
        if (controller is null)
        {
            var withRoom = devices.Controllers.Where(c => DeviceKinds.Family(Vim.TypeOf(c)) == "scsi").FirstOrDefault(c => devices.FreeUnit(c) is not null);
            return withRoom is not null ? (DeviceList.Key(withRoom), devices.FreeUnit(withRoom)!.Value, null) : NewController(devices, "lsilogic");
        }

        if (DeviceKinds.NewControllers.Contains(controller, StringComparer.Ordinal))
        {
            return NewController(devices, controller);
        }

        var named = devices.Controllers.FirstOrDefault(c => string.Equals(DeviceList.Label(c), controller, StringComparison.OrdinalIgnoreCase) || DeviceList.Key(c).ToString(CultureInfo.InvariantCulture) == controller)
            ?? throw new HypervisorException(HypervisorErrorKind.InvalidArgument,
                $"controller: '{controller}' is neither one of the VM's controllers ({string.Join(", ", devices.Controllers.Select(c => $"'{DeviceList.Label(c)}'"))}) nor a new controller's type ({string.Join(", ", DeviceKinds.NewControllers)})");
        var unit = devices.FreeUnit(named)
            ?? throw new HypervisorException(HypervisorErrorKind.Conflict, $"controller: '{DeviceList.Label(named)}' has no free slot; name another controller or a new one's type");
        return (DeviceList.Key(named), unit, null);
    }

    private static (int, int, (string, string, int)?) NewController(DeviceList devices, string type)
    {
        var family = DeviceKinds.Family(DeviceKinds.ControllerType(type));
        var bus = devices.FreeBus(family)
            ?? throw new HypervisorException(HypervisorErrorKind.Conflict, $"controller: the VM already has the {DeviceKinds.PerVm(family)} {family.ToUpperInvariant()} controllers it may have, and none has a free slot");
        var label = $"{(family == "nvme" ? "NVME" : family.ToUpperInvariant())} controller {bus}";
        return (NewControllerKey, 0, (type, label, bus));
    }
}
