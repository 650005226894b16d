using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools for VM lifecycle, served for every provider through the contract.</summary>
[McpServerToolType]
internal sealed class VmTools(ITargetProviders targets, ICallProgress progress)
{
    /// <summary>Keeps list answers small enough for a model's context; the total says how many more there are.</summary>
    public const int DefaultPageSize = 50;


    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_vms", Title = "List VMs", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists VMs with their power state, size, IP, host, cluster, folder, resource pool and custom attributes, filtered and paged. The answer has 'total' and, when more match, 'next_offset' to pass as 'offset' for the next page.")]
    public async Task<VmPage> ListVms(
        [Description("Name glob, case-insensitive: * matches any run, ? one character (e.g. web-*).")] string? name = null,
        [Description("Only VMs in this power state: poweredOn, poweredOff or suspended."), AllowedValues("poweredOn", "poweredOff", "suspended", null)] string? power_state = null,
        [Description("Only VMs on this host (name).")] string? host = null,
        [Description("Only VMs in this cluster (name).")] string? cluster = null,
        [Description("true: templates only; false: VMs only; omit for both.")] bool? template = null,
        [Description("Only VMs directly in this folder, by inventory path as rows show it (e.g. /DC0/vm/web).")] string? folder = null,
        [Description("With folder: also the VMs in its subfolders, at any depth.")] bool? folder_subtree = null,
        [Description("Only VMs in this resource pool: its inventory path, or its name alone for every pool of that name.")] string? resource_pool = null,
        [Description("Only VMs with these custom attribute values, each name=value (e.g. owner=team-a); all must match.")] string[]? attribute = null,
        [Description("Only VMs carrying these tags, each category:tag (e.g. backup:daily); all must match.")] string[]? tag = null,
        [Description("How many to skip (from next_offset of the previous page); default 0."), Range(0, int.MaxValue)] int offset = 0,
        [Description("Page size, 1-1000; default 50."), Range(1, VmQueries.MaxPageSize)] int limit = DefaultPageSize,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListVmsAsync(
            VmQueries.Create(name, power_state, host, cluster, template, offset, VmQueries.CheckedLimit(limit)).Placed(folder, folder_subtree, resource_pool).WithAttributes(attribute).WithTags(tag), cancellationToken);

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "find_vms", Title = "Find VMs by address, UUID or path", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Finds VMs in one call by exactly one of: an IP address or DNS name the guest reports (needs VMware Tools), a BIOS or instance UUID, or an inventory path (DC0/vm/folder/name). Answers the matching rows as list_vms shows them; none is an empty list.")]
    public async Task<IReadOnlyList<VmSummary>> FindVms(
        [Description("An IP address the guest reports, e.g. 10.0.0.5.")] string? ip = null,
        [Description("The DNS name the guest reports.")] string? dns_name = null,
        [Description("A BIOS UUID (config.uuid), or an instance UUID with instance_uuid=true.")] string? uuid = null,
        [Description("true: uuid is the vCenter instance UUID.")] bool instance_uuid = false,
        [Description("An inventory path: datacenter/vm/folders/name.")] string? inventory_path = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).FindVmsAsync(
            new VmSearch { Ip = ip, DnsName = dns_name, Uuid = uuid, InstanceUuid = instance_uuid, InventoryPath = inventory_path }, cancellationToken);

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "get_vm", Title = "Show a VM", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Shows one VM in detail: power state, guest OS, vCPU, memory, UUIDs, IP, VMware Tools, host, cluster, datastores, disks, NICs, notes and snapshots.")]
    public async Task<VmDetails> GetVm(
        [Description(ToolHelp.Vm)] string vm,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).GetVmAsync(vm, cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm_label", Creates = "vm_label")]
    [McpServerTool(Name = "create_vm", Title = "Create a VM", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates a VM. Unset placement uses the target's defaults: its datacenter and cluster, the datastore with the most free space, and its default port group.")]
    public async Task<VmDetails> CreateVm(
        [Description("Name of the new VM (at most 80 characters).")] string vm_label,
        [Description("vCPUs, 1-768 (default 1)."), Range(1, 768)] int? vcpus = null,
        [Description("Memory in MiB, 4 or more (default 1024)."), Range(4, int.MaxValue)] int? ram_mib = null,
        [Description("Datastore name.")] string? target_ds = null,
        [Description("Network (port group) name.")] string? target_net = null,
        [Description("Size of a new thin-provisioned disk in GiB, 1 or more; no disk when omitted."), Range(1, int.MaxValue)] int? disk_gb = null,
        [Description("Guest OS id, e.g. ubuntu64Guest (default otherGuest64).")] string? guest_id = null,
        [Description("VM folder name.")] string? folder = null,
        [Description("Cluster name.")] string? cluster = null,
        [Description("Resource pool name, instead of a cluster's root pool.")] string? resource_pool = null,
        [Description("Power the VM on once created.")] bool power_on = false,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).CreateVmAsync(
            new CreateVmRequest
            {
                VmLabel = vm_label, Vcpus = vcpus, RamMib = ram_mib, TargetDs = target_ds, TargetNet = target_net, DiskGb = disk_gb,
                GuestId = guest_id, Folder = folder, Cluster = cluster, ResourcePool = resource_pool, PowerOn = power_on,
            },
            progress.For($"creating {vm_label}"),
            cancellationToken);

    [Policy(AccessScope.Operate, Subject = "source_identifier", Creates = "destination_label")]
    [McpServerTool(Name = "clone_vm", Title = "Clone a VM or template", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Clones a VM or a template into a new VM (or template). Progress is reported while vSphere copies the disks.")]
    public async Task<VmDetails> CloneVm(
        [Description("The VM or template to copy: id or exact name.")] string source_identifier,
        [Description("Name of the new VM.")] string destination_label,
        [Description("Datastore for the copy; default the source's.")] string? datastore = null,
        [Description("Resource pool name; default the source's.")] string? pool = null,
        [Description("Host name; default chosen by vSphere.")] string? host = null,
        [Description("Power the copy on.")] bool power_on = false,
        [Description("Make the copy a template.")] bool as_template = false,
        [Description("A guest customization the copy takes at its first power-on (vCenter): as customize_vm's. Passwords are never logged, audited or returned.")] Abstractions.Guest.GuestCustomization? customization = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).CloneVmAsync(
            new CloneVmRequest
            {
                SourceIdentifier = source_identifier, DestinationLabel = destination_label, Datastore = datastore, Pool = pool,
                Host = host, PowerOn = power_on, AsTemplate = as_template, Customization = customization,
            },
            progress.For($"cloning {source_identifier} to {destination_label}"),
            cancellationToken);

    [Policy(AccessScope.Admin, Destructive = true, Subject = "vm", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "delete_vm", Title = "Delete a VM", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Deletes a VM and its disks from the datastore. A powered-on VM is refused unless force is true, which powers it off first. This cannot be undone: without confirm=true it only previews what it would delete.")]
    public async Task<VmReference> DeleteVm(
        [Description(ToolHelp.Vm)] string vm,
        [Description("Power a running VM off, then delete it.")] bool force = false,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).DeleteVmAsync(vm, force, progress.For($"deleting {vm}"), cancellationToken);

    [Policy(AccessScope.Operate, Destructive = true, Subject = "vm", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "power_vm", Title = "Change a VM's power state", Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Changes a VM's power state. POWER_OFF and RESET are hard operations (like pulling the plug); SHUTDOWN_GUEST and REBOOT_GUEST ask the guest OS through VMware Tools. Asking for the state the VM is already in succeeds and says so.")]
    public async Task<PowerResult> PowerVm(
        [Description(ToolHelp.Vm)] string vm,
        [Description("One of POWER_ON, POWER_OFF, RESET, SUSPEND, SHUTDOWN_GUEST, REBOOT_GUEST."), AllowedValues("POWER_ON", "POWER_OFF", "RESET", "SUSPEND", "SHUTDOWN_GUEST", "REBOOT_GUEST")] string desired_state,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).SetPowerStateAsync(vm, PowerActions.Parse(desired_state), cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "reconfigure_vm", Title = "Resize a VM (vCPU, memory)", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Changes a VM's vCPU count and/or memory. Growing a running VM needs hot-add enabled in the guest's configuration.")]
    public async Task<VmDetails> ReconfigureVm(
        [Description(ToolHelp.Vm)] string vm,
        [Description("New vCPU count, 1-768; omit to keep."), Range(1, 768)] int? vcpus = null,
        [Description("New memory in MiB, 4 or more; omit to keep."), Range(4, int.MaxValue)] int? ram_mib = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ReconfigureVmAsync(vm, new ReconfigureVmRequest(vcpus, ram_mib), cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm", Creates = "new_name")]
    [McpServerTool(Name = "rename_vm", Title = "Rename a VM", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Renames a VM in the inventory (its files keep their names). A name already used in the VM's folder is refused.")]
    public async Task<VmDetails> RenameVm(
        [Description(ToolHelp.Vm)] string vm,
        [Description("The new name, 1-80 characters.")] string new_name,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).RenameVmAsync(vm, new_name, cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "set_vm_notes", Title = "Set a VM's notes", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Replaces a VM's notes (its annotation, shown in vCenter and in get_vm); an empty text clears them.")]
    public async Task<VmDetails> SetVmNotes(
        [Description(ToolHelp.Vm)] string vm,
        [Description("The notes, at most 65535 characters; empty clears them.")] string notes,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).SetVmNotesAsync(vm, notes, cancellationToken);
}
