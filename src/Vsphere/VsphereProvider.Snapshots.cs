using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<SnapshotInfo>> ListSnapshotsAsync(string vm, CancellationToken cancellationToken)
    {
        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        return await ReadSnapshotsAsync(vmRef, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SnapshotInfo> CreateSnapshotAsync(string vm, CreateSnapshotRequest request, CancellationToken cancellationToken)
    {
        ValidateName(request.Name, "name");
        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        var result = await Client.RunTaskAsync("CreateSnapshot_Task", vmRef, w => w
            .Text("name", request.Name)
            .Text("description", request.Description ?? string.Empty)
            .Bool("memory", request.Memory)
            .Bool("quiesce", request.Quiesce), null, cancellationToken);
        var id = Vim.Ref(result)?.Value;
        var snapshots = await ReadSnapshotsAsync(vmRef, cancellationToken);
        return snapshots.FirstOrDefault(s => s.Id == id) ?? snapshots.Last(s => s.Name == request.Name);
    }

    /// <inheritdoc />
    public async Task<SnapshotInfo> RevertSnapshotAsync(string vm, string snapshot, CancellationToken cancellationToken)
    {
        var (_, target) = await ResolveSnapshotAsync(vm, snapshot, cancellationToken);
        await Client.RunTaskAsync("RevertToSnapshot_Task", new ManagedObjectReference("VirtualMachineSnapshot", target.Id), null, null, cancellationToken);
        return target;
    }

    /// <inheritdoc />
    public async Task<SnapshotInfo> RemoveSnapshotAsync(string vm, string snapshot, CancellationToken cancellationToken)
    {
        var (_, target) = await ResolveSnapshotAsync(vm, snapshot, cancellationToken);
        await Client.RunTaskAsync("RemoveSnapshot_Task", new ManagedObjectReference("VirtualMachineSnapshot", target.Id), w => w
            .Bool("removeChildren", false)
            .Bool("consolidate", true), null, cancellationToken);
        return target;
    }

    private async Task<IReadOnlyList<SnapshotInfo>> ReadSnapshotsAsync(ManagedObjectReference vmRef, CancellationToken cancellationToken)
    {
        var vm = await Client.RetrieveOneAsync(vmRef, ["snapshot"], cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"VM '{vmRef.Value}' disappeared");
        return Snapshots.Flatten(vm["snapshot"]);
    }

    private async Task<(ManagedObjectReference Vm, SnapshotInfo Snapshot)> ResolveSnapshotAsync(string vm, string snapshot, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(snapshot))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "name the snapshot by its id (snapshot-7) or its exact name");
        }

        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        var all = await ReadSnapshotsAsync(vmRef, cancellationToken);
        var matches = all.Where(s => s.Id == snapshot).ToList();
        if (matches.Count == 0)
        {
            matches = all.Where(s => s.Name == snapshot).ToList();
        }

        return matches.Count switch
        {
            1 => (vmRef, matches[0]),
            0 => throw new HypervisorException(HypervisorErrorKind.NotFound,
                $"VM '{vm}' has no snapshot '{snapshot}'; it has: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(s => $"{s.Name} ({s.Id})")))}"),
            _ => throw new HypervisorException(HypervisorErrorKind.Conflict,
                $"VM '{vm}' has {matches.Count} snapshots named '{snapshot}' ({string.Join(", ", matches.Select(s => s.Id))}): name one by its id"),
        };
    }
}
