namespace VmwareMcp.Abstractions.Inventory;

/// <summary>An object tags are put on, and the tags it carries after a change. Since 2.4.</summary>
public sealed record TaggedObject
{
    /// <summary><c>VirtualMachine</c>, <c>HostSystem</c>, <c>Datastore</c> or <c>Network</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Managed object id.</summary>
    public required string Id { get; init; }

    /// <summary>The tags it carries, each <c>category:tag</c>, sorted.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
