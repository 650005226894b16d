namespace VmwareMcp.Abstractions.Operations;

/// <summary>Where to move a VM: another host, another datastore, or both.</summary>
/// <param name="Vm">The VM: its id or exact name.</param>
/// <param name="Host">The destination host (id or name); null to stay.</param>
/// <param name="Datastore">The destination datastore (id or name); null to stay.</param>
public sealed record MigrateVmRequest(string Vm, string? Host, string? Datastore);
