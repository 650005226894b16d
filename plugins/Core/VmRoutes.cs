using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// The original's REST routes for VMs, plus the rest of the lifecycle. Every route takes <c>?target=</c>;
/// errors leave as problem details through the host's exception handler. Over REST the call itself is the
/// confirmation; <c>?dry_run=true</c> previews a destructive one instead.
/// </summary>
internal static class VmRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var vms = api.MapGroup("/vms").WithTags("VMs");

        vms.MapGet("/", async (ITargetProviders targets, string? target, string? name, string? power_state, string? host, string? cluster, bool? template,
                string? folder, bool? folder_subtree, string? resource_pool, string[]? attribute, string[]? tag, int? offset, int? limit, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).ListVmsAsync(
                    VmQueries.Create(name, power_state, host, cluster, template, offset ?? 0, limit is null ? null : VmQueries.CheckedLimit(limit.Value))
                        .Placed(folder, folder_subtree, resource_pool).WithAttributes(attribute).WithTags(tag), ct))
            .WithName("list_vms").WithSummary("List VMs (every match unless limit is given), with the total");

        vms.MapGet("/search", async (ITargetProviders targets, string? ip, string? dns_name, string? uuid, bool? instance_uuid, string? inventory_path, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).FindVmsAsync(
                    new VmSearch { Ip = ip, DnsName = dns_name, Uuid = uuid, InstanceUuid = instance_uuid ?? false, InventoryPath = inventory_path }, ct))
            .WithName("find_vms").WithSummary("Find VMs by exactly one of ?ip, dns_name, uuid (with instance_uuid=true for the instance UUID), inventory_path");

        vms.MapGet("/{id}", async (ITargetProviders targets, string id, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).GetVmAsync(id, ct))
            .WithName("get_vm").WithSummary("One VM in detail");

        vms.MapPost("/", async (ITargetProviders targets, CreateVmRequest body, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                if (dry_run == true)
                {
                    return Results.Ok(await ActionPreviews.CreateAsync(provider, body, ct));
                }

                var vm = await provider.CreateVmAsync(body, null, ct);
                return Results.Created($"/api/v1/vms/{vm.Id}", vm);
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "vm_label", Creates = "vm_label" })
            .Produces<VmDetails>(StatusCodes.Status201Created)
            .Produces<ActionPreview>()
            .WithName("create_vm").WithSummary("Create a VM (original body: vm_label, vcpus, ram_mib, target_ds, target_net); ?dry_run=true previews, with vCenter's own placement in a cluster");

        vms.MapPost("/clone", async (ITargetProviders targets, CloneVmRequest body, string? target, CancellationToken ct) =>
            {
                var vm = await (await targets.GetAsync(target, ct)).CloneVmAsync(body, null, ct);
                return Results.Created($"/api/v1/vms/{vm.Id}", vm);
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "source_identifier", Creates = "destination_label" })
            .Produces<VmDetails>(StatusCodes.Status201Created)
            .WithName("clone_vm").WithSummary("Clone a VM or template (original body: source_identifier, destination_label)");

        vms.MapPost("/delete", (ITargetProviders targets, DeleteVmBody body, string? target, bool? dry_run, CancellationToken ct) =>
                DeleteAsync(targets, body.VmIdentifier, body.Force, target, dry_run, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Destructive = true, Subject = "vm_identifier" })
            .Produces<VmReference>()
            .WithName("delete_vm_by_body").WithSummary("Delete a VM (original body: vm_identifier; force powers it off first; ?dry_run=true previews)");

        vms.MapDelete("/{id}", (ITargetProviders targets, string id, bool? force, string? target, bool? dry_run, CancellationToken ct) =>
                DeleteAsync(targets, id, force ?? false, target, dry_run, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Destructive = true, Subject = "id" })
            .Produces<VmReference>()
            .WithName("delete_vm").WithSummary("Delete a VM (?force=true powers it off first; ?dry_run=true previews)");

        vms.MapPost("/power", async (ITargetProviders targets, PowerBody body, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                return dry_run == true
                    ? Results.Ok(await ActionPreviews.PowerAsync(provider, body.VmIdentifier, body.DesiredState, ct))
                    : Results.Ok(await provider.SetPowerStateAsync(body.VmIdentifier, body.DesiredState, ct));
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Destructive = true, Subject = "vm_identifier" })
            .Produces<PowerResult>()
            .WithName("power_vm").WithSummary("Change power state (original body: vm_identifier, desired_state; ?dry_run=true previews)");

        vms.MapPost("/{id}/reconfigure", async (ITargetProviders targets, string id, ReconfigureVmRequest body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).ReconfigureVmAsync(id, body, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "id" })
            .WithName("reconfigure_vm").WithSummary("Change vCPUs and/or memory (body: vcpus, ram_mib)");

        vms.MapPost("/{id}/rename", async (ITargetProviders targets, string id, RenameBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).RenameVmAsync(id, body.NewName, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "id", Creates = "new_name" })
            .Produces<VmDetails>()
            .WithName("rename_vm").WithSummary("Rename a VM (body: new_name)");
        vms.MapPut("/{id}/notes", async (ITargetProviders targets, string id, NotesBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).SetVmNotesAsync(id, body.Notes, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "id" })
            .Produces<VmDetails>()
            .WithName("set_vm_notes").WithSummary("Replace a VM's notes (body: notes; empty clears them)");

        vms.MapGet("/{id}/snapshots", async (ITargetProviders targets, string id, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).ListSnapshotsAsync(id, ct))
            .WithName("list_snapshots").WithSummary("A VM's snapshots");

        vms.MapPost("/{id}/snapshots", async (ITargetProviders targets, string id, CreateSnapshotRequest body, string? target, CancellationToken ct) =>
            {
                var snapshot = await (await targets.GetAsync(target, ct)).CreateSnapshotAsync(id, body, ct);
                return Results.Created($"/api/v1/vms/{id}/snapshots/{snapshot.Id}", snapshot);
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "id" })
            .Produces<SnapshotInfo>(StatusCodes.Status201Created)
            .WithName("create_snapshot").WithSummary("Take a snapshot (body: name, description, memory, quiesce)");

        vms.MapPost("/{id}/snapshots/{snapshot}/revert", async (ITargetProviders targets, string id, string snapshot, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                return dry_run == true
                    ? Results.Ok(await ActionPreviews.RevertAsync(provider, id, snapshot, ct))
                    : Results.Ok(await provider.RevertSnapshotAsync(id, snapshot, ct));
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Destructive = true, Subject = "id" })
            .Produces<SnapshotInfo>()
            .WithName("revert_snapshot").WithSummary("Revert to a snapshot (?dry_run=true previews)");

        vms.MapDelete("/{id}/snapshots/{snapshot}", async (ITargetProviders targets, string id, string snapshot, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                return dry_run == true
                    ? Results.Ok(await ActionPreviews.RemoveSnapshotAsync(provider, id, snapshot, ct))
                    : Results.Ok(await provider.RemoveSnapshotAsync(id, snapshot, ct));
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Destructive = true, Subject = "id" })
            .Produces<SnapshotInfo>()
            .WithName("remove_snapshot").WithSummary("Remove a snapshot (?dry_run=true previews)");
    }

    private static async Task<IResult> DeleteAsync(ITargetProviders targets, string vm, bool force, string? target, bool? dryRun, CancellationToken ct)
    {
        var provider = await targets.GetAsync(target, ct);
        return dryRun == true
            ? Results.Ok(await ActionPreviews.DeleteAsync(provider, vm, force, ct))
            : Results.Ok(await provider.DeleteVmAsync(vm, force, null, ct));
    }
}
