using VmwareMcp.Abstractions.Devices;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>REST routes for a VM's hardware after creation; each answers the VM as it is afterwards.</summary>
internal static class DeviceRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var vms = api.MapGroup("/vms/{id}").WithTags("VM hardware");
        var operate = new PolicyAttribute(AccessScope.Operate) { Subject = "id" };
        var losing = new PolicyAttribute(AccessScope.Operate) { Destructive = true, Subject = "id" };

        vms.MapPost("/disks", async (ITargetProviders targets, string id, NewDisk body, string? target, CancellationToken ct) =>
                await (await DeviceAccess.GetAsync(targets, target, ct)).AddDiskAsync(id, body, null, ct))
            .WithMetadata(operate).Produces<VmDetails>()
            .WithName("add_vm_disk").WithSummary("Add a disk (body: size_gb, provisioning thin|thick|eager_zeroed, controller, datastore)");

        vms.MapPatch("/disks/{disk}", async (ITargetProviders targets, string id, string disk, ResizeDiskBody body, string? target, CancellationToken ct) =>
                await (await DeviceAccess.GetAsync(targets, target, ct)).ResizeDiskAsync(id, disk, body.SizeGb, null, ct))
            .WithMetadata(operate).Produces<VmDetails>()
            .WithName("resize_vm_disk").WithSummary("Grow a disk, named by label or key (body: size_gb)");

        vms.MapDelete("/disks/{disk}", async (ITargetProviders targets, string id, string disk, bool? delete_file, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                return dry_run == true
                    ? Results.Ok(await DevicePreviews.RemoveDiskAsync(provider, id, disk, delete_file ?? false, ct))
                    : Results.Ok(await DeviceAccess.Of(provider).RemoveDiskAsync(id, disk, delete_file ?? false, null, ct));
            })
            .WithMetadata(losing).Produces<VmDetails>()
            .WithName("remove_vm_disk").WithSummary("Detach a disk (?delete_file=true deletes its file; ?dry_run=true previews)");

        vms.MapPost("/nics", async (ITargetProviders targets, string id, NewNic body, string? target, CancellationToken ct) =>
                await (await DeviceAccess.GetAsync(targets, target, ct)).AddNicAsync(id, body, null, ct))
            .WithMetadata(operate).Produces<VmDetails>()
            .WithName("add_vm_nic").WithSummary("Add a network adapter (body: network, adapter_type vmxnet3|e1000e|e1000, connected)");

        vms.MapPatch("/nics/{nic}", async (ITargetProviders targets, string id, string nic, NicChange body, string? target, CancellationToken ct) =>
                await (await DeviceAccess.GetAsync(targets, target, ct)).UpdateNicAsync(id, nic, body, null, ct))
            .WithMetadata(operate).Produces<VmDetails>()
            .WithName("update_vm_nic").WithSummary("Move an adapter, named by label, key or MAC, to another network and/or connect or disconnect it (body: network, connected)");

        vms.MapDelete("/nics/{nic}", async (ITargetProviders targets, string id, string nic, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                return dry_run == true
                    ? Results.Ok(await DevicePreviews.RemoveNicAsync(provider, id, nic, ct))
                    : Results.Ok(await DeviceAccess.Of(provider).RemoveNicAsync(id, nic, null, ct));
            })
            .WithMetadata(losing).Produces<VmDetails>()
            .WithName("remove_vm_nic").WithSummary("Remove a network adapter (?dry_run=true previews)");

        vms.MapPut("/cdrom", async (ITargetProviders targets, string id, MountIsoBody body, string? target, CancellationToken ct) =>
                await (await DeviceAccess.GetAsync(targets, target, ct)).SetCdromAsync(id, body.Iso, null, ct))
            .WithMetadata(operate).Produces<VmDetails>()
            .WithName("mount_vm_iso").WithSummary("Mount a datastore ISO in the CD-ROM drive (body: iso, like '[datastore1] iso/x.iso')");

        vms.MapDelete("/cdrom", async (ITargetProviders targets, string id, string? target, CancellationToken ct) =>
                await (await DeviceAccess.GetAsync(targets, target, ct)).SetCdromAsync(id, null, null, ct))
            .WithMetadata(operate).Produces<VmDetails>()
            .WithName("eject_vm_iso").WithSummary("Eject the CD-ROM drive's ISO");

        vms.MapPost("/upgrade", async (ITargetProviders targets, string id, UpgradeBody? body, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                return dry_run == true
                    ? Results.Ok(await DevicePreviews.UpgradeAsync(provider, id, body?.Version, ct))
                    : Results.Ok(await DeviceAccess.Of(provider).UpgradeHardwareAsync(id, body?.Version, null, ct));
            })
            .WithMetadata(losing).Produces<VmDetails>()
            .WithName("upgrade_vm_hardware").WithSummary("Upgrade a powered-off VM's hardware version (body: version like vmx-19, or none for the newest; ?dry_run=true previews)");
    }
}

/// <summary>Body of <c>PATCH /api/v1/vms/{id}/disks/{disk}</c>.</summary>
/// <param name="SizeGb">The new size in GiB.</param>
internal sealed record ResizeDiskBody(int SizeGb);

/// <summary>Body of <c>PUT /api/v1/vms/{id}/cdrom</c>.</summary>
/// <param name="Iso">The ISO's datastore path.</param>
internal sealed record MountIsoBody(string Iso);

/// <summary>Body of <c>POST /api/v1/vms/{id}/upgrade</c>.</summary>
/// <param name="Version">The version, <c>vmx-19</c>; null for the newest.</param>
internal sealed record UpgradeBody(string? Version = null);
