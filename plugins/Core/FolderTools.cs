using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools for the folder tree: where VMs sit, and how operators group them.</summary>
[McpServerToolType]
internal sealed class FolderTools(ITargetProviders targets, ICallProgress progress)
{
    public const string Folder = "The folder: its inventory path as list_folders shows it (e.g. /DC0/vm/web) or its id (group-v42).";

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_folders", Title = "List folders", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the folder tree: every VM, host, datastore and network folder with its inventory path, what it holds (kind) and how many objects sit directly in it. VM rows name their folder by the same path.")]
    public async Task<IReadOnlyList<FolderInfo>> ListFolders(
        [Description("Only folders of this kind: vm, host, datastore or network.")] string? kind = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        InventoryContainers.OfKind(await (await targets.GetAsync(target, cancellationToken)).ListFoldersAsync(cancellationToken), kind);

    [Policy(AccessScope.Operate, Subject = "parent", SubjectKind = "folder")]
    [McpServerTool(Name = "create_folder", Title = "Create a folder", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates a folder inside another (a VM folder inside a VM folder, e.g. parent /DC0/vm). A name already used in the parent is refused.")]
    public async Task<FolderInfo> CreateFolder(
        [Description("The parent folder: its inventory path (e.g. /DC0/vm) or id.")] string parent,
        [Description("The new folder's name, 1-80 characters, without '/' or '\\'.")] string name,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).CreateFolderAsync(parent, name, cancellationToken);

    [Policy(AccessScope.Operate, Subject = "folder", SubjectKind = "folder")]
    [McpServerTool(Name = "rename_folder", Title = "Rename a folder", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Renames a folder; what is in it moves with it, so the paths of its VMs change too.")]
    public async Task<FolderInfo> RenameFolder(
        [Description(Folder)] string folder,
        [Description("The new name, 1-80 characters, without '/' or '\\'.")] string new_name,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).RenameFolderAsync(folder, new_name, cancellationToken);

    [Policy(AccessScope.Admin, Destructive = true, Subject = "folder", SubjectKind = "folder", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "delete_folder", Title = "Delete a folder", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Deletes an empty folder. A folder that holds anything is refused unless force is true, which deletes everything in it as well (VMs from disk). A datacenter's own top folders cannot be deleted. Without confirm=true it only previews what it would delete.")]
    public async Task<FolderInfo> DeleteFolder(
        [Description(Folder)] string folder,
        [Description("Also delete everything in it, VMs included.")] bool force = false,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).DeleteFolderAsync(folder, force, progress.For($"deleting folder {folder}"), cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "move_vm_to_folder", Title = "Move a VM to a folder", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Moves a VM or template into a VM folder of its datacenter. Where it runs and its files do not change; its folder path does.")]
    public async Task<VmDetails> MoveVmToFolder(
        [Description(ToolHelp.Vm)] string vm,
        [Description("The destination VM folder: its inventory path (e.g. /DC0/vm/web) or id.")] string folder,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).MoveVmToFolderAsync(vm, folder, cancellationToken);
}
