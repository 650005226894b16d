namespace VmwareMcp.Vsphere.Devices;

/// <summary>The vim25 device types behind the short names the tools take and get_vm shows.</summary>
internal static class DeviceKinds
{
    /// <summary>Disk controller types: short name, vim25 type, slots per controller, controllers of the family a VM may have.</summary>
    private static readonly (string Name, string VimType, string Family, int Slots, int PerVm)[] Controllers =
    [
        ("lsilogic", "VirtualLsiLogicController", "scsi", 16, 4),
        ("lsilogic_sas", "VirtualLsiLogicSASController", "scsi", 16, 4),
        ("pvscsi", "ParaVirtualSCSIController", "scsi", 16, 4),
        ("buslogic", "VirtualBusLogicController", "scsi", 16, 4),
        ("sata", "VirtualAHCIController", "sata", 30, 4),
        ("nvme", "VirtualNVMEController", "nvme", 15, 4),
        ("ide", "VirtualIDEController", "ide", 2, 2),
    ];

    private static readonly (string Name, string VimType)[] Adapters =
    [
        ("vmxnet3", "VirtualVmxnet3"), ("e1000e", "VirtualE1000e"), ("e1000", "VirtualE1000"),
        ("vmxnet2", "VirtualVmxnet2"), ("vmxnet", "VirtualVmxnet"), ("pcnet32", "VirtualPCNet32"),
        ("vmxnet3_vrdma", "VirtualVmxnet3Vrdma"), ("sriov", "VirtualSriovEthernetCard"),
    ];

    /// <summary>The adapter types a new NIC may have; the others are only shown.</summary>
    public static readonly string[] NewAdapters = ["vmxnet3", "e1000e", "e1000"];

    /// <summary>The controller types a new disk's controller may have (IDE controllers come with every VM).</summary>
    public static readonly string[] NewControllers = ["lsilogic", "lsilogic_sas", "pvscsi", "buslogic", "sata", "nvme"];

    public static bool IsController(string vimType) => Controllers.Any(c => c.VimType == vimType);

    public static string ControllerName(string vimType) => Controllers.First(c => c.VimType == vimType).Name;

    public static string ControllerType(string name) => Controllers.First(c => c.Name == name).VimType;

    public static string Family(string vimType) => Controllers.First(c => c.VimType == vimType).Family;

    /// <summary>Slots on a controller; a SCSI controller keeps unit 7 for itself.</summary>
    public static IEnumerable<int> Units(string vimType)
    {
        var (_, _, family, slots, _) = Controllers.First(c => c.VimType == vimType);
        return Enumerable.Range(0, slots).Where(unit => family != "scsi" || unit != 7);
    }

    public static int PerVm(string family) => Controllers.First(c => c.Family == family).PerVm;

    public static bool IsNic(string vimType) => Adapters.Any(a => a.VimType == vimType);

    public static string AdapterName(string vimType) => Adapters.First(a => a.VimType == vimType).Name;

    public static string AdapterType(string name) => Adapters.First(a => a.Name == name).VimType;
}
