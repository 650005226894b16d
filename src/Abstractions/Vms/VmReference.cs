namespace VmwareMcp.Abstractions.Vms;

/// <summary>Names a VM unambiguously.</summary>
/// <param name="Id">Managed object id, for example <c>vm-42</c>.</param>
/// <param name="Name">Display name.</param>
public sealed record VmReference(string Id, string Name);
