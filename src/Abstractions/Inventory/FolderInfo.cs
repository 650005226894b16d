namespace VmwareMcp.Abstractions.Inventory;

/// <summary>
/// A folder of the inventory. Operators hang permissions, backup and patch policies on folders, and VM names
/// are unique only within one, so the path is the way to name it. Since 2.4.
/// </summary>
public sealed record FolderInfo
{
    /// <summary>Managed object id (<c>group-v3</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The folder's own name, as vSphere keeps it (a <c>/</c> in it is written <c>%2f</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Inventory path from the root, e.g. <c>/DC0/vm/web</c>: the datacenter, its VM folder, then the subfolders.</summary>
    public required string Path { get; init; }

    /// <summary>What it holds: <c>vm</c> (VMs and templates), <c>host</c>, <c>datastore</c>, <c>network</c> or <c>datacenter</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>How many objects sit directly in it (subfolders included); a folder with none can be deleted without force.</summary>
    public int Children { get; init; }
}
