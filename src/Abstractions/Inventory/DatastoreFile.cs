namespace VmwareMcp.Abstractions.Inventory;

/// <summary>One file or folder on a datastore, as a datastore browse finds it. Since 2.2.</summary>
public sealed record DatastoreFile
{
    /// <summary>The datastore path, for example <c>[LocalDS_0] iso/ubuntu.iso</c>: what a CD-ROM or a disk is given.</summary>
    public required string Path { get; init; }

    /// <summary>The folder it is in, relative to the datastore's root (empty at the root).</summary>
    public required string Folder { get; init; }

    /// <summary>Its name within the folder.</summary>
    public required string Name { get; init; }

    /// <summary><c>folder</c>, <c>iso</c>, <c>vm_disk</c>, <c>vm_config</c>, <c>vm_log</c>, <c>vm_nvram</c>, <c>floppy</c> or <c>file</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Size in bytes, where the endpoint reports it.</summary>
    public long? SizeBytes { get; init; }

    /// <summary>When it was last changed, where the endpoint reports it.</summary>
    public DateTimeOffset? Modified { get; init; }
}
