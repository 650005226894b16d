namespace VmwareMcp.Abstractions.Vms;

/// <summary>A VM snapshot.</summary>
/// <param name="Id">Managed object id, for example <c>snapshot-7</c>.</param>
/// <param name="Name">Name.</param>
/// <param name="Description">Description.</param>
/// <param name="CreatedAt">When it was taken.</param>
/// <param name="PowerState">The VM's power state when it was taken.</param>
/// <param name="ParentId">The parent snapshot's id, or null for a root.</param>
public sealed record SnapshotInfo(string Id, string Name, string? Description, DateTimeOffset? CreatedAt, string? PowerState, string? ParentId);
