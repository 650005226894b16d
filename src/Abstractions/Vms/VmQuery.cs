namespace VmwareMcp.Abstractions.Vms;

/// <summary>Filters and paging for listing VMs. Every filter is optional; all given ones must match.</summary>
public sealed record VmQuery
{
    /// <summary>Name glob: <c>*</c> matches any run, <c>?</c> one character; case-insensitive.</summary>
    public string? NameGlob { get; init; }

    /// <summary><c>poweredOn</c>, <c>poweredOff</c> or <c>suspended</c> (case-insensitive).</summary>
    public string? PowerState { get; init; }

    /// <summary>Host name.</summary>
    public string? Host { get; init; }

    /// <summary>Cluster name.</summary>
    public string? Cluster { get; init; }

    /// <summary>True: templates only; false: VMs only; null: both.</summary>
    public bool? Template { get; init; }

    /// <summary>Inventory path of a folder (<c>/DC0/vm/web</c>): only the VMs directly in it. Since 2.4.</summary>
    public string? Folder { get; init; }

    /// <summary>With <see cref="Folder"/>: also the VMs in its subfolders, at any depth. Since 2.4.</summary>
    public bool FolderSubtree { get; init; }

    /// <summary>A resource pool, by inventory path or by name alone (every pool of that name): only the VMs in it. Since 2.4.</summary>
    public string? ResourcePool { get; init; }

    /// <summary>Custom attribute values every listed VM must have (name to exact value, ignoring case). Since 2.4.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Tags every listed VM must carry, each <c>category:tag</c>. Since 2.4.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>How many to skip.</summary>
    public int Offset { get; init; }

    /// <summary>How many to return at most; null returns every match.</summary>
    public int? Limit { get; init; }
}
