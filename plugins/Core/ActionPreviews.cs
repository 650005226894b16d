using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>Builds previews from a fresh read of the VM, so they say exactly what would happen now.</summary>
internal static class ActionPreviews
{
    public static async Task<ActionPreview> DeleteAsync(IHypervisorProvider provider, string vm, bool force, CancellationToken cancellationToken)
    {
        var details = await provider.GetVmAsync(vm, cancellationToken);
        var power = details.PowerState == "poweredOn"
            ? force ? " It is powered on and would be powered off first (force)." : " It is powered on, so without force the delete would be refused."
            : string.Empty;
        var disks = details.Disks.Count == 0 ? "no disks" : string.Join(", ", details.Disks.Select(d => d.FileName ?? d.Label));
        return Preview("delete_vm", provider, details, $"Would delete VM '{details.Name}' ({details.Id}) on host {details.Host ?? "?"} with its files ({disks}).{power} This cannot be undone.");
    }

    public static async Task<ActionPreview> PowerAsync(IHypervisorProvider provider, string vm, PowerAction action, CancellationToken cancellationToken)
    {
        var details = await provider.GetVmAsync(vm, cancellationToken);
        var how = action switch
        {
            PowerAction.PowerOff => "power off (hard, like pulling the plug)",
            PowerAction.Reset => "reset (hard restart)",
            PowerAction.Suspend => "suspend",
            PowerAction.ShutdownGuest => "ask the guest OS to shut down",
            PowerAction.RebootGuest => "ask the guest OS to reboot",
            _ => "power on",
        };
        return Preview("power_vm", provider, details, $"Would {how} VM '{details.Name}' ({details.Id}), now {details.PowerState}.");
    }

    public static async Task<ActionPreview> RevertAsync(IHypervisorProvider provider, string vm, string snapshot, CancellationToken cancellationToken)
    {
        var (details, chosen) = await SnapshotAsync(provider, vm, snapshot, cancellationToken);
        return Preview("revert_snapshot", provider, details,
            $"Would revert VM '{details.Name}' ({details.Id}) to snapshot '{chosen.Name}' ({chosen.Id}, taken {chosen.CreatedAt:u}); everything the VM changed since is lost.");
    }

    public static async Task<ActionPreview> RemoveSnapshotAsync(IHypervisorProvider provider, string vm, string snapshot, CancellationToken cancellationToken)
    {
        var (details, chosen) = await SnapshotAsync(provider, vm, snapshot, cancellationToken);
        return Preview("remove_snapshot", provider, details,
            $"Would remove snapshot '{chosen.Name}' ({chosen.Id}) of VM '{details.Name}' ({details.Id}); its changes are merged into the disks and it can no longer be reverted to.");
    }

    public static async Task<ActionPreview> MaintenanceAsync(IHypervisorProvider provider, string host, bool enter, CancellationToken cancellationToken)
    {
        var health = await OperationsAccess.Of(provider).GetHostHealthAsync(host, cancellationToken);
        string would;
        if (health.InMaintenanceMode == enter)
        {
            would = $"Host '{health.Name}' ({health.Id}) is already {(enter ? "in" : "out of")} maintenance mode; nothing would change.";
        }
        else if (enter)
        {
            would = $"Would put host '{health.Name}' ({health.Id}) into maintenance mode: it would run no VMs until it exits. "
                + await WhatMustMoveAsync(provider, health.Name, cancellationToken);
        }
        else
        {
            would = $"Would take host '{health.Name}' ({health.Id}) out of maintenance mode, so it can run VMs again.";
        }

        return new ActionPreview { Action = "set_maintenance_mode", Target = provider.Target.Name, Would = would, Host = health.Id };
    }

    /// <summary>A create's preview; in a cluster, where vCenter's own placement (PlaceVm) would put it.</summary>
    public static async Task<ActionPreview> CreateAsync(IHypervisorProvider provider, CreateVmRequest request, CancellationToken cancellationToken)
    {
        var what = $"Would create VM '{request.VmLabel}' with {request.Vcpus ?? 1} vCPU(s) and {request.RamMib ?? 1024} MiB";
        if (request.Cluster is null)
        {
            return new ActionPreview { Action = "create_vm", Target = provider.Target.Name, Vm = request.VmLabel, Would = $"{what}; name a cluster for vCenter to say where it would place it." };
        }

        try
        {
            var placement = await provider.RecommendPlacementAsync(request, cancellationToken);
            return new ActionPreview
            {
                Action = "create_vm",
                Target = provider.Target.Name,
                Vm = request.VmLabel,
                Host = placement.Host,
                Would = $"{what} in cluster '{placement.Cluster}': vCenter's placement (PlaceVm) recommends host '{placement.Host}' and datastore '{placement.Datastore}'"
                    + (placement.Reason is { } reason ? $" ({reason})." : "."),
            };
        }
        catch (HypervisorException ex) when (ex.Kind == HypervisorErrorKind.NotSupported)
        {
            return new ActionPreview { Action = "create_vm", Target = provider.Target.Name, Vm = request.VmLabel, Would = $"{what}; the target cannot say where it would place it ({ex.Message})." };
        }
    }

    /// <summary>The powered-on VMs that would have to leave the host, by name, and whether its cluster's DRS would move them, as vCenter reports both.</summary>
    private static async Task<string> WhatMustMoveAsync(IHypervisorProvider provider, string host, CancellationToken cancellationToken)
    {
        const int Named = 20;
        var running = await provider.ListVmsAsync(new VmQuery { Host = host, PowerState = "poweredOn", Limit = Named }, cancellationToken);
        if (running.Total == 0)
        {
            return "No powered-on VM runs on it now, so entering would not wait for any.";
        }

        var names = string.Join(", ", running.Items.Select(v => $"'{v.Name}'")) + (running.Total > Named ? $" and {running.Total - Named} more" : string.Empty);
        var cluster = (await provider.ListHostsAsync(cancellationToken)).FirstOrDefault(h => h.Name == host || h.Id == host)?.Cluster;
        var drs = cluster is null ? null : (await provider.ListClustersAsync(cancellationToken)).FirstOrDefault(c => c.Name == cluster || c.Id == cluster);
        var moving = drs switch
        {
            { DrsEnabled: true } => $"DRS is on in cluster '{drs.Name}', so vCenter would move them to its other hosts as its automation level allows (fully automated: at once; otherwise as recommendations to apply).",
            { } => $"DRS is off in cluster '{drs.Name}': they must be migrated or powered off first, or entering waits for them.",
            null => "The host is in no cluster with DRS: they must be migrated or powered off first, or entering waits for them.",
        };
        return $"{running.Total} powered-on VM(s) run on it now: {names}. {moving}";
    }

    private static async Task<(VmDetails Vm, SnapshotInfo Snapshot)> SnapshotAsync(IHypervisorProvider provider, string vm, string snapshot, CancellationToken cancellationToken)
    {
        var details = await provider.GetVmAsync(vm, cancellationToken);
        var chosen = details.Snapshots.FirstOrDefault(s => s.Id == snapshot) ?? details.Snapshots.FirstOrDefault(s => s.Name == snapshot)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"VM '{details.Name}' has no snapshot '{snapshot}'");
        return (details, chosen);
    }

    private static ActionPreview Preview(string action, IHypervisorProvider provider, VmDetails vm, string would) =>
        new() { Action = action, Target = provider.Target.Name, Vm = vm.Id, Would = would };
}
