using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// Undoes a change by its audit id from what the audit recorded of the VM before and after it: its name,
/// vCPUs and memory, and power state are set back. Refused, with the reason, when the change did not end
/// ok, kept no VM state, reversed nothing of those, or when the VM changed in those since.
/// </summary>
internal static class ChangeUndo
{
    /// <summary>What would be set back, or why it cannot be: the preview and the undo share it.</summary>
    public static async Task<(RecordedChange Change, VmDetails Now, List<string> Steps)> PlanAsync(IChangeHistory history, ITargetProviders targets, string changeId, CancellationToken cancellationToken)
    {
        var change = await history.FindAsync(changeId, cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no change '{changeId}' in the audit log (GET /api/v1/audit gives each change's id)");
        if (change.Outcome != "ok")
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"change {changeId} ({change.Operation}) ended '{change.Outcome}'; only a change that was made can be undone");
        }

        if (change is not { Before: { } before, After: { Id: { } vm } after } || before.Id is not null && before.Id != vm)
        {
            throw new HypervisorException(HypervisorErrorKind.NotSupported, $"change {changeId} ({change.Operation}) kept no VM state before and after it, so it cannot be undone");
        }

        var now = await (await targets.GetAsync(change.Target, cancellationToken)).GetVmAsync(vm, cancellationToken);
        var drift = new List<string>();
        Compare(drift, "name", after.Name, now.Name);
        Compare(drift, "vCPUs", after.NumCpu.ToString(System.Globalization.CultureInfo.InvariantCulture), now.NumCpu.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare(drift, "memory (MiB)", after.MemoryMib.ToString(System.Globalization.CultureInfo.InvariantCulture), now.MemoryMib.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare(drift, "power state", after.PowerState, now.PowerState);
        if (drift.Count > 0)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"VM '{now.Name}' ({vm}) changed since change {changeId}: {string.Join("; ", drift)}; nothing was undone");
        }

        var steps = new List<string>();
        if (before.Name is { } name && name != after.Name)
        {
            steps.Add($"rename '{after.Name}' back to '{name}'");
        }

        if (before.NumCpu != after.NumCpu || before.MemoryMib != after.MemoryMib)
        {
            steps.Add($"resize back to {before.NumCpu} vCPUs and {before.MemoryMib} MiB (now {after.NumCpu} and {after.MemoryMib})");
        }

        if (before.PowerState != after.PowerState)
        {
            steps.Add($"set power back to {before.PowerState} (now {after.PowerState})");
        }

        return steps.Count > 0
            ? (change, now, steps)
            : throw new HypervisorException(HypervisorErrorKind.NotSupported,
                $"change {changeId} ({change.Operation}) changed nothing an undo can set back (name, vCPUs, memory, power state)");
    }

    /// <summary>Sets back what <see cref="PlanAsync"/> found, in the order that works on a running VM: name, size, then power.</summary>
    public static async Task<UndoResult> UndoAsync(IChangeHistory history, ITargetProviders targets, string changeId, CancellationToken cancellationToken)
    {
        var (change, now, steps) = await PlanAsync(history, targets, changeId, cancellationToken);
        var provider = await targets.GetAsync(change.Target, cancellationToken);
        var (before, after) = (change.Before!, change.After!);
        if (before.Name is { } name && name != after.Name)
        {
            await provider.RenameVmAsync(now.Id, name, cancellationToken);
        }

        if (before.NumCpu != after.NumCpu || before.MemoryMib != after.MemoryMib)
        {
            await provider.ReconfigureVmAsync(now.Id, new ReconfigureVmRequest(before.NumCpu, before.MemoryMib), cancellationToken);
        }

        if (before.PowerState != after.PowerState)
        {
            await provider.SetPowerStateAsync(now.Id, before.PowerState == "poweredOn" ? PowerAction.PowerOn : before.PowerState == "suspended" ? PowerAction.Suspend : PowerAction.PowerOff, cancellationToken);
        }

        return new UndoResult(changeId, now.Id, steps, await provider.GetVmAsync(now.Id, cancellationToken));
    }

    private static void Compare(List<string> drift, string what, string? recorded, string? now)
    {
        if (recorded is not null && recorded != now)
        {
            drift.Add($"its {what} is {now}, was {recorded} after the change");
        }
    }
}

/// <summary>What an undo set back.</summary>
/// <param name="ChangeId">The change undone.</param>
/// <param name="VmId">The VM.</param>
/// <param name="Steps">What was set back, in order.</param>
/// <param name="Vm">The VM as it is now.</param>
public sealed record UndoResult(string ChangeId, string VmId, IReadOnlyList<string> Steps, VmDetails Vm);
