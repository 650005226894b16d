namespace VmwareMcp.Abstractions.Vms;

/// <summary>A snapshot to take.</summary>
/// <param name="Name">Name.</param>
/// <param name="Description">Description.</param>
/// <param name="Memory">Include the VM's memory (powered-on VMs only).</param>
/// <param name="Quiesce">Quiesce the guest file system (needs VMware Tools).</param>
public sealed record CreateSnapshotRequest(string Name, string? Description = null, bool Memory = false, bool Quiesce = false);
