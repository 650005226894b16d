namespace VmwareMcp.Abstractions.Inventory;

/// <summary>A vSphere tag category (backup policy, environment, owner): the kind of tag, and what it may be put on. Since 2.4.</summary>
public sealed record TagCategoryInfo
{
    /// <summary>The category's id (a vAPI URN).</summary>
    public required string Id { get; init; }

    /// <summary>Its name, unique in the vCenter.</summary>
    public required string Name { get; init; }

    /// <summary>What it is for.</summary>
    public string? Description { get; init; }

    /// <summary><c>SINGLE</c>: an object carries at most one tag of it; <c>MULTIPLE</c>: any number.</summary>
    public required string Cardinality { get; init; }

    /// <summary>The object types its tags may be put on (<c>VirtualMachine</c>, <c>HostSystem</c>, …); empty for any.</summary>
    public IReadOnlyList<string> AssociableTypes { get; init; } = [];
}
