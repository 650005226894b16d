namespace VmwareMcp.Abstractions.Inventory;

/// <summary>A vSphere tag, named <c>category:tag</c> wherever tags are shown or filtered by. Since 2.4.</summary>
public sealed record TagInfo
{
    /// <summary>The tag's id (a vAPI URN).</summary>
    public required string Id { get; init; }

    /// <summary>Its name, unique within its category.</summary>
    public required string Name { get; init; }

    /// <summary>Its category's name.</summary>
    public required string Category { get; init; }

    /// <summary>Its category's id.</summary>
    public required string CategoryId { get; init; }

    /// <summary>What it means.</summary>
    public string? Description { get; init; }
}
