using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<FolderInfo>> ListFoldersAsync(CancellationToken cancellationToken) =>
        (await FolderTreeAsync(cancellationToken)).Folders().ToList();

    /// <inheritdoc />
    public async Task<FolderInfo> CreateFolderAsync(string parent, string name, CancellationToken cancellationToken)
    {
        var folderName = ContainerName(name, "name");
        if (!IsVCenter)
        {
            throw NotOnThisKind("Creating folders"); // A standalone host has its datacenter's fixed folders only.
        }

        var tree = await FolderTreeAsync(cancellationToken);
        var parentFolder = tree.Folder(parent, "parent");
        await EnsureNameFreeAsync(parentFolder.Obj, folderName, cancellationToken);
        var made = (await Client.InvokeAsync("CreateFolder", parentFolder.Obj, w => w.Text("name", folderName), cancellationToken)).Select(Vim.Ref).Single()
            ?? throw new HypervisorException(HypervisorErrorKind.Failed, "CreateFolder answered without naming the new folder");
        await WriteThroughAsync(made, cancellationToken);
        return await FolderAsync(made.Value, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<FolderInfo> RenameFolderAsync(string folder, string newName, CancellationToken cancellationToken)
    {
        var name = ContainerName(newName, "new_name");
        var found = (await FolderTreeAsync(cancellationToken)).Folder(folder, "folder");
        if (found.Ref("parent") is { } parent)
        {
            await EnsureNameFreeAsync(parent, name, cancellationToken);
        }

        await Client.RunTaskAsync("Rename_Task", found.Obj, w => w.Text("newName", name), null, cancellationToken);
        await WriteThroughAsync(found.Obj, cancellationToken);
        return await FolderAsync(found.Obj.Value, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<FolderInfo> DeleteFolderAsync(string folder, bool force, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var tree = await FolderTreeAsync(cancellationToken);
        var found = tree.Folder(folder, "folder");
        var info = tree.Folders().Single(f => f.Id == found.Obj.Value);
        if (found.Ref("parent")?.Type == "Datacenter")
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"folder: '{info.Path}' is its datacenter's own {info.Kind} folder, which cannot be deleted");
        }

        var children = found.Refs("childEntity").ToList();
        if (children.Count > 0 && !force)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict,
                $"folder '{info.Path}' holds {children.Count} objects ({string.Join(", ", children.Take(5).Select(c => c.Value))}); move them out first, or pass force to delete them with it");
        }

        await Client.RunTaskAsync("Destroy_Task", found.Obj, null, progress, cancellationToken);
        foreach (var gone in children.Append(found.Obj))
        {
            _live?.Remove(gone);
        }

        return info;
    }

    /// <inheritdoc />
    public async Task<VmDetails> MoveVmToFolderAsync(string vm, string folder, CancellationToken cancellationToken)
    {
        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        var tree = await FolderTreeAsync(cancellationToken);
        var destination = tree.Folder(folder, "folder");
        if (tree.Folders().Single(f => f.Id == destination.Obj.Value) is { Kind: not "vm" } wrongKind)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"folder: '{wrongKind.Path}' is a {wrongKind.Kind} folder; VMs go in VM folders (kind vm in list_folders)");
        }

        await Client.RunTaskAsync("MoveIntoFolder_Task", destination.Obj, w => w.Ref("list", vmRef), null, cancellationToken);
        await WriteThroughAsync(vmRef, cancellationToken);
        return await ReadDetailsAsync(vmRef, cancellationToken);
    }

    /// <summary>The folder a create names: by inventory path or id, else by its name alone through <paramref name="lookup"/>.</summary>
    private async Task<ManagedObjectReference> FolderNamedAsync(string folder, InventoryLookup lookup, CancellationToken cancellationToken) =>
        folder.Contains('/', StringComparison.Ordinal) || folder.StartsWith("group-", StringComparison.Ordinal)
            ? (await FolderTreeAsync(cancellationToken)).Folder(folder, "folder").Obj
            : lookup.Folder(folder);

    private async Task<InventoryTree> FolderTreeAsync(CancellationToken cancellationToken) =>
        await InventoryTree.ReadAsync(Client, await ScopeAsync(cancellationToken), InventoryTree.FolderSpecs, cancellationToken);

    private async Task<FolderInfo> FolderAsync(string id, CancellationToken cancellationToken) =>
        (await FolderTreeAsync(cancellationToken)).Folders().FirstOrDefault(f => f.Id == id)
        ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"folder {id} is gone from target '{Target.Name}'");

    /// <summary>Checks the name of a new folder or pool: it is one step of an inventory path.</summary>
    private static string ContainerName(string? name, string field)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} must be 1-{MaxNameLength} characters, got {trimmed.Length}");
        }

        if (trimmed.Contains('/', StringComparison.Ordinal) || trimmed.Contains('\\', StringComparison.Ordinal) || trimmed is "." or "..")
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} may not contain '/' or '\\' or be '.' or '..': it is one step of an inventory path");
        }

        return PrintableText.IsPrintable(trimmed) ? trimmed
            : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} contains control characters or broken Unicode; use printable text");
    }
}
