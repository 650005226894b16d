using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools for VM snapshots.</summary>
[McpServerToolType]
internal sealed class SnapshotTools(ITargetProviders targets)
{
    private const string SnapshotHelp = "The snapshot: its id (e.g. snapshot-7) or its exact name.";

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_snapshots", Title = "List a VM's snapshots", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists a VM's snapshots, each with its parent, creation time and the power state it captured.")]
    public async Task<IReadOnlyList<SnapshotInfo>> ListSnapshots(
        [Description(ToolHelp.Vm)] string vm,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListSnapshotsAsync(vm, cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "create_snapshot", Title = "Take a snapshot", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Takes a snapshot of a VM.")]
    public async Task<SnapshotInfo> CreateSnapshot(
        [Description(ToolHelp.Vm)] string vm,
        [Description("Snapshot name.")] string name,
        [Description("Description.")] string? description = null,
        [Description("Include the running VM's memory.")] bool memory = false,
        [Description("Quiesce the guest file system (needs VMware Tools).")] bool quiesce = false,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).CreateSnapshotAsync(vm, new CreateSnapshotRequest(name, description, memory, quiesce), cancellationToken);

    [Policy(AccessScope.Operate, Destructive = true, Subject = "vm", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "revert_snapshot", Title = "Revert a VM to a snapshot", Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Reverts a VM to a snapshot. Everything the VM changed since that snapshot is lost.")]
    public async Task<SnapshotInfo> RevertSnapshot(
        [Description(ToolHelp.Vm)] string vm,
        [Description(SnapshotHelp)] string snapshot,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).RevertSnapshotAsync(vm, snapshot, cancellationToken);

    [Policy(AccessScope.Operate, Destructive = true, Subject = "vm", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "remove_snapshot", Title = "Remove a snapshot", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Removes a snapshot, merging its changes into the VM's disks; its child snapshots are kept.")]
    public async Task<SnapshotInfo> RemoveSnapshot(
        [Description(ToolHelp.Vm)] string vm,
        [Description(SnapshotHelp)] string snapshot,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).RemoveSnapshotAsync(vm, snapshot, cancellationToken);
}
