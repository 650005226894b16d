using System.Xml.Linq;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;
using VmwareMcp.Vsphere.Devices;

namespace VmwareMcp.Vsphere;

/// <summary>The VirtualMachine properties read for lists and details, and their mapping to the contract.</summary>
internal static class VmProperties
{
    public static readonly string[] Summary =
    [
        "name", "runtime.powerState", "config.template", "summary.config.numCpu", "summary.config.memorySizeMB",
        "summary.config.guestId", "guest.ipAddress", "runtime.host", "parent", "resourcePool", "customValue",
    ];

    public static readonly string[] Details =
    [
        "name", "runtime.powerState", "config.template", "config.guestId", "config.guestFullName", "config.hardware.numCPU",
        "config.hardware.memoryMB", "config.uuid", "config.instanceUuid", "guest.ipAddress", "guest.hostName",
        "guest.toolsRunningStatus", "runtime.host", "datastore", "config.hardware.device", "config.annotation", "snapshot",
        "resourcePool", "parent", "customValue", "config.version",
    ];

    /// <summary>The list row of <paramref name="vm"/>, placed by <paramref name="hosts"/> and <paramref name="tree"/>.</summary>
    public static VmSummary ToSummary(ObjectContent vm, HostDirectory hosts, InventoryTree tree, AttributeNames attributes) =>
        Place(ToUnplacedSummary(vm), PlacementOf(vm), hosts, tree, attributes);

    /// <summary>What a row's host, cluster, folder, pool and attributes are named from; kept instead of the object, whose XML can then go.</summary>
    public static VmPlacementRefs PlacementOf(ObjectContent vm) =>
        new(vm.Ref("runtime.host"), vm.Ref("parent"), vm.Ref("resourcePool"), vm["customValue"] is { HasElements: true } values ? values : null);

    /// <summary>A row made by <see cref="ToUnplacedSummary"/>, with its host, cluster, folder, pool and attributes named.</summary>
    public static VmSummary Place(VmSummary row, VmPlacementRefs at, HostDirectory hosts, InventoryTree tree, AttributeNames attributes) =>
        tree.Place(hosts.Place(row, at.Host), at.Folder, at.Pool) with { Attributes = at.CustomValues is null ? row.Attributes : attributes.Name(at.CustomValues) };

    /// <summary>The list row of <paramref name="vm"/> without host and cluster names, for when its host is not read yet.</summary>
    public static VmSummary ToUnplacedSummary(ObjectContent vm) => new VmSummary
    {
        Id = vm.Obj.Value,
        Name = vm.Text("name") ?? vm.Obj.Value,
        PowerState = vm.Text("runtime.powerState") ?? "unknown",
        IsTemplate = vm.Text("config.template") == "true",
        NumCpu = (int)(vm.Long("summary.config.numCpu") ?? 0),
        MemoryMib = (int)(vm.Long("summary.config.memorySizeMB") ?? 0),
        GuestId = vm.Text("summary.config.guestId"),
        IpAddress = NullIfEmpty(vm.Text("guest.ipAddress")),
        Host = null,
        Cluster = null,
    };

    public static VmDetails ToDetails(ObjectContent vm, HostDirectory hosts, InventoryTree tree, AttributeNames attributes, IReadOnlyDictionary<ManagedObjectReference, string> names, IReadOnlyDictionary<string, string> portgroupNames)
    {
        var host = vm.Ref("runtime.host");
        var devices = vm["config.hardware.device"]?.Elements().ToList() ?? [];
        var list = new DeviceList(devices);
        var snapshotInfo = vm["snapshot"];
        return new VmDetails
        {
            Id = vm.Obj.Value,
            Name = vm.Text("name") ?? vm.Obj.Value,
            PowerState = vm.Text("runtime.powerState") ?? "unknown",
            IsTemplate = vm.Text("config.template") == "true",
            GuestId = vm.Text("config.guestId"),
            GuestFullName = vm.Text("config.guestFullName"),
            NumCpu = (int)(Vim.Long(vm["config.hardware.numCPU"]) ?? 0),
            MemoryMib = (int)(Vim.Long(vm["config.hardware.memoryMB"]) ?? 0),
            Uuid = vm.Text("config.uuid"),
            InstanceUuid = vm.Text("config.instanceUuid"),
            IpAddress = NullIfEmpty(vm.Text("guest.ipAddress")),
            HostName = NullIfEmpty(vm.Text("guest.hostName")),
            ToolsStatus = vm.Text("guest.toolsRunningStatus"),
            Host = host is null ? null : hosts.HostName(host.Value),
            Cluster = host is null ? null : hosts.ClusterName(host.Value),
            Folder = tree.PathOf(vm.Ref("parent")),
            ResourcePool = tree.PathOf(vm.Ref("resourcePool")),
            Attributes = attributes.Name(vm["customValue"]),
            Datastores = vm.Refs("datastore").Select(d => names.GetValueOrDefault(d, d.Value)).ToList(),
            Disks = list.Disks.Select(d => ToDisk(d, list, names)).ToList(),
            Nics = list.Nics.Select(d => ToNic(d, names, portgroupNames)).ToList(),
            Controllers = list.Controllers.Select(c => new VmController
            {
                Key = DeviceList.Key(c),
                Label = DeviceList.Label(c),
                Type = DeviceKinds.ControllerName(Vim.TypeOf(c)),
                BusNumber = (int)(Vim.Long(c.Element(VimNamespaces.V + "busNumber")) ?? 0),
                Devices = devices.Count(d => DeviceList.ControllerKey(d) == DeviceList.Key(c)),
            }).ToList(),
            Cdroms = list.Cdroms.Select(d => new VmCdrom
            {
                Key = DeviceList.Key(d),
                Label = DeviceList.Label(d),
                Iso = CdromChanges.IsoOf(d),
                Connected = Vim.Path(d, "connectable.connected")?.Value == "true",
            }).ToList(),
            HardwareVersion = vm.Text("config.version"),
            Annotation = NullIfEmpty(vm.Text("config.annotation")),
            Snapshots = Snapshots.Flatten(snapshotInfo),
            CurrentSnapshot = Vim.Ref(snapshotInfo?.Element(VimNamespaces.V + "currentSnapshot"))?.Value,
        };
    }

    private static VmDisk ToDisk(XElement disk, DeviceList list, IReadOnlyDictionary<ManagedObjectReference, string> names)
    {
        var backing = disk.Element(VimNamespaces.V + "backing");
        var bytes = Vim.Long(disk.Element(VimNamespaces.V + "capacityInBytes")) ?? (Vim.Long(disk.Element(VimNamespaces.V + "capacityInKB")) ?? 0) * 1024;
        var datastore = Vim.Ref(backing?.Element(VimNamespaces.V + "datastore"));
        var fileName = Vim.Text(backing, "fileName");
        return new VmDisk(
            Vim.Path(disk, "deviceInfo.label")?.Value ?? "disk",
            Math.Round(bytes / (1024.0 * 1024 * 1024), 2),
            fileName,
            datastore is null ? DatastoreOfPath(fileName) : names.GetValueOrDefault(datastore.Value, datastore.Value.Value))
        {
            Key = DeviceList.Key(disk),
            Controller = DeviceList.ControllerKey(disk) is { } controller && list.ByKey(controller) is { } c ? DeviceList.Label(c) : null,
            UnitNumber = DeviceList.Unit(disk),
            Provisioning = Vim.TypeOf(backing ?? disk) != "VirtualDiskFlatVer2BackingInfo" ? null
                : Vim.Text(backing, "thinProvisioned") == "true" ? "thin"
                : Vim.Text(backing, "eagerlyScrub") == "true" ? "eager_zeroed" : "thick",
        };
    }

    private static VmNic ToNic(XElement nic, IReadOnlyDictionary<ManagedObjectReference, string> names, IReadOnlyDictionary<string, string> portgroupNames)
    {
        var backing = nic.Element(VimNamespaces.V + "backing");
        var network = Vim.Ref(backing?.Element(VimNamespaces.V + "network"));
        var portgroupKey = Vim.Path(backing, "port.portgroupKey")?.Value;
        var networkName = Vim.Text(backing, "deviceName")
            ?? (network is null ? null : names.GetValueOrDefault(network.Value))
            ?? (portgroupKey is null ? null : portgroupNames.GetValueOrDefault(portgroupKey, portgroupKey));
        return new VmNic(
            Vim.Path(nic, "deviceInfo.label")?.Value ?? "nic",
            networkName,
            Vim.Text(nic, "macAddress"),
            Vim.Path(nic, "connectable.connected")?.Value == "true")
        {
            Key = DeviceList.Key(nic),
            AdapterType = DeviceKinds.AdapterName(Vim.TypeOf(nic)),
        };
    }

    /// <summary>The datastore name in a datastore path (<c>[ds1] vm/vm.vmdk</c> → <c>ds1</c>).</summary>
    public static string? DatastoreOfPath(string? path) =>
        path is not null && path.StartsWith('[') && path.IndexOf(']', StringComparison.Ordinal) is var end and > 0 ? path[1..end] : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>The references a VM row is placed by, and its custom values (null when it has none).</summary>
internal readonly record struct VmPlacementRefs(ManagedObjectReference? Host, ManagedObjectReference? Folder, ManagedObjectReference? Pool, XElement? CustomValues);
