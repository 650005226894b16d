using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Host.FrontDoor;

/// <summary>
/// The seed's REST routes for VMs, plus the rest of the lifecycle. Every route takes <c>?target=</c>;
/// errors leave as problem details through the host's exception handler.
/// </summary>
internal static class VmRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var vms = api.MapGroup("/vms").WithTags("VMs");

        vms.MapGet("/", async (ITargetProviders targets, string? target, string? name, string? power_state, string? host, string? cluster, bool? template, int? offset, int? limit, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).ListVmsAsync(
                    VmQueries.Create(name, power_state, host, cluster, template, offset ?? 0, limit is null ? null : VmQueries.CheckedLimit(limit.Value)), ct))
            .WithName("list_vms").WithSummary("List VMs (every match unless limit is given), with the total");

        vms.MapGet("/{id}", async (ITargetProviders targets, string id, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).GetVmAsync(id, ct))
            .WithName("get_vm").WithSummary("One VM in detail");

        vms.MapPost("/", async (ITargetProviders targets, CreateVmRequest body, string? target, CancellationToken ct) =>
            {
                var vm = await (await targets.GetAsync(target, ct)).CreateVmAsync(body, null, ct);
                return Results.Created($"/api/v1/vms/{vm.Id}", vm);
            })
            .WithName("create_vm").WithSummary("Create a VM (seed body: vm_label, vcpus, ram_mib, target_ds, target_net)");

        vms.MapPost("/clone", async (ITargetProviders targets, CloneVmRequest body, string? target, CancellationToken ct) =>
            {
                var vm = await (await targets.GetAsync(target, ct)).CloneVmAsync(body, null, ct);
                return Results.Created($"/api/v1/vms/{vm.Id}", vm);
            })
            .WithName("clone_vm").WithSummary("Clone a VM or template (seed body: source_identifier, destination_label)");

        vms.MapPost("/delete", async (ITargetProviders targets, DeleteVmBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).DeleteVmAsync(body.VmIdentifier, body.Force, null, ct))
            .WithName("delete_vm_seed").WithSummary("Delete a VM (seed body: vm_identifier; force powers it off first)");

        vms.MapDelete("/{id}", async (ITargetProviders targets, string id, bool? force, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).DeleteVmAsync(id, force ?? false, null, ct))
            .WithName("delete_vm").WithSummary("Delete a VM (?force=true powers it off first)");

        vms.MapPost("/power", async (ITargetProviders targets, PowerBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).SetPowerStateAsync(body.VmIdentifier, body.DesiredState, ct))
            .WithName("power_vm").WithSummary("Change power state (seed body: vm_identifier, desired_state)");

        vms.MapPost("/{id}/reconfigure", async (ITargetProviders targets, string id, ReconfigureVmRequest body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).ReconfigureVmAsync(id, body, ct))
            .WithName("reconfigure_vm").WithSummary("Change vCPUs and/or memory (body: vcpus, ram_mib)");

        vms.MapGet("/{id}/snapshots", async (ITargetProviders targets, string id, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).ListSnapshotsAsync(id, ct))
            .WithName("list_snapshots").WithSummary("A VM's snapshots");

        vms.MapPost("/{id}/snapshots", async (ITargetProviders targets, string id, CreateSnapshotRequest body, string? target, CancellationToken ct) =>
            {
                var snapshot = await (await targets.GetAsync(target, ct)).CreateSnapshotAsync(id, body, ct);
                return Results.Created($"/api/v1/vms/{id}/snapshots/{snapshot.Id}", snapshot);
            })
            .WithName("create_snapshot").WithSummary("Take a snapshot (body: name, description, memory, quiesce)");

        vms.MapPost("/{id}/snapshots/{snapshot}/revert", async (ITargetProviders targets, string id, string snapshot, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).RevertSnapshotAsync(id, snapshot, ct))
            .WithName("revert_snapshot").WithSummary("Revert to a snapshot");

        vms.MapDelete("/{id}/snapshots/{snapshot}", async (ITargetProviders targets, string id, string snapshot, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).RemoveSnapshotAsync(id, snapshot, ct))
            .WithName("remove_snapshot").WithSummary("Remove a snapshot");
    }
}
