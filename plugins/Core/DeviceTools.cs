using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Devices;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools for a VM's hardware after creation: disks, network adapters, CD-ROM media, hardware version.</summary>
[McpServerToolType]
internal sealed class DeviceTools(ITargetProviders targets, ICallProgress progress)
{
    private const string Disk = "The disk's label or key, as get_vm shows them (for example 'Hard disk 2').";
    private const string Nic = "The adapter's label, key or MAC address, as get_vm shows them.";

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "add_vm_disk", Title = "Add a disk to a VM", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Adds a new, empty disk to a VM (running or not). Its controller is the first SCSI controller with a free slot unless one is named; naming a type (pvscsi, nvme...) adds a new controller for it.")]
    public async Task<VmDetails> AddVmDisk(
        [Description(ToolHelp.Vm)] string vm,
        [Description("Size in GiB, 1-63488."), Range(1, 63488)] int size_gb,
        [Description("thin (default), thick or eager_zeroed."), AllowedValues("thin", "thick", "eager_zeroed")] string? provisioning = null,
        [Description("An existing controller's label or key (get_vm's controllers), or a new one's type: lsilogic, lsilogic_sas, pvscsi, buslogic, sata, nvme.")] string? controller = null,
        [Description("The datastore for the disk's file; omit for the VM's own.")] string? datastore = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await DeviceAccess.GetAsync(targets, target, cancellationToken)).AddDiskAsync(vm,
            new NewDisk { SizeGb = size_gb, Provisioning = provisioning, Controller = controller, Datastore = datastore }, progress.For($"adding a disk to {vm}"), cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "resize_vm_disk", Title = "Grow a VM's disk", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Grows a disk to a new size (the guest still has to grow its partition). Shrinking is refused, and so is a VM with snapshots.")]
    public async Task<VmDetails> ResizeVmDisk(
        [Description(ToolHelp.Vm)] string vm,
        [Description(Disk)] string disk,
        [Description("The new size in GiB, larger than now, at most 63488."), Range(1, 63488)] int size_gb,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await DeviceAccess.GetAsync(targets, target, cancellationToken)).ResizeDiskAsync(vm, disk, size_gb, progress.For($"growing {disk} of {vm}"), cancellationToken);

    [Policy(AccessScope.Operate, Destructive = true, Subject = "vm", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "remove_vm_disk", Title = "Remove a disk from a VM", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Detaches a disk from a VM; with delete_file=true its file is deleted too, which cannot be undone. Without confirm=true it only previews.")]
    public async Task<VmDetails> RemoveVmDisk(
        [Description(ToolHelp.Vm)] string vm,
        [Description(Disk)] string disk,
        [Description("Also delete the disk's file from the datastore.")] bool delete_file = false,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await DeviceAccess.GetAsync(targets, target, cancellationToken)).RemoveDiskAsync(vm, disk, delete_file, progress.For($"removing {disk} from {vm}"), cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "add_vm_nic", Title = "Add a network adapter to a VM", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Adds a network adapter on a standard or distributed port group (list_networks); its MAC address is generated.")]
    public async Task<VmDetails> AddVmNic(
        [Description(ToolHelp.Vm)] string vm,
        [Description("The network or port group's name.")] string network,
        [Description("vmxnet3 (default), e1000e or e1000."), AllowedValues("vmxnet3", "e1000e", "e1000")] string? adapter_type = null,
        [Description("Connected now and at power-on; true when omitted.")] bool? connected = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await DeviceAccess.GetAsync(targets, target, cancellationToken)).AddNicAsync(vm,
            new NewNic { Network = network, AdapterType = adapter_type, Connected = connected }, progress.For($"adding a network adapter to {vm}"), cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "update_vm_nic", Title = "Change a VM's network adapter", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Moves a network adapter to another network (its MAC stays) and/or connects or disconnects it.")]
    public async Task<VmDetails> UpdateVmNic(
        [Description(ToolHelp.Vm)] string vm,
        [Description(Nic)] string nic,
        [Description("The network to move it to; omit to keep.")] string? network = null,
        [Description("true connects it, false disconnects it; omit to keep.")] bool? connected = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await DeviceAccess.GetAsync(targets, target, cancellationToken)).UpdateNicAsync(vm, nic,
            new NicChange { Network = network, Connected = connected }, progress.For($"changing {nic} of {vm}"), cancellationToken);

    [Policy(AccessScope.Operate, Destructive = true, Subject = "vm", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "remove_vm_nic", Title = "Remove a VM's network adapter", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Removes a network adapter; the guest loses that connection. Without confirm=true it only previews.")]
    public async Task<VmDetails> RemoveVmNic(
        [Description(ToolHelp.Vm)] string vm,
        [Description(Nic)] string nic,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await DeviceAccess.GetAsync(targets, target, cancellationToken)).RemoveNicAsync(vm, nic, progress.For($"removing {nic} from {vm}"), cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "mount_vm_iso", Title = "Mount an ISO in a VM's CD-ROM", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Puts a datastore ISO in the VM's CD-ROM drive and connects it, adding a drive when the VM has none. browse_datastore with pattern *.iso finds ISOs.")]
    public async Task<VmDetails> MountVmIso(
        [Description(ToolHelp.Vm)] string vm,
        [Description("The ISO's datastore path, like '[datastore1] iso/ubuntu.iso'.")] string iso,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await DeviceAccess.GetAsync(targets, target, cancellationToken)).SetCdromAsync(vm, iso, progress.For($"mounting {iso} in {vm}"), cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "eject_vm_iso", Title = "Eject a VM's ISO", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Empties the VM's CD-ROM drive and disconnects it; a VM with nothing mounted is left as it is.")]
    public async Task<VmDetails> EjectVmIso(
        [Description(ToolHelp.Vm)] string vm,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await DeviceAccess.GetAsync(targets, target, cancellationToken)).SetCdromAsync(vm, null, progress.For($"ejecting the ISO of {vm}"), cancellationToken);

    [Policy(AccessScope.Operate, Destructive = true, Subject = "vm", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "upgrade_vm_hardware", Title = "Upgrade a VM's hardware version", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Upgrades a powered-off VM's virtual hardware version; it cannot be downgraded, and older hosts can no longer run it. Without confirm=true it only previews.")]
    public async Task<VmDetails> UpgradeVmHardware(
        [Description(ToolHelp.Vm)] string vm,
        [Description("The version, like vmx-19; omit for the newest the host supports.")] string? version = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await DeviceAccess.GetAsync(targets, target, cancellationToken)).UpgradeHardwareAsync(vm, version, progress.For($"upgrading the hardware of {vm}"), cancellationToken);
}
