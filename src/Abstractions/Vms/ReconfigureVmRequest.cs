namespace VmwareMcp.Abstractions.Vms;

/// <summary>New sizes for a VM; null members are left unchanged.</summary>
/// <param name="Vcpus">vCPUs.</param>
/// <param name="RamMib">Memory in MiB.</param>
public sealed record ReconfigureVmRequest(int? Vcpus, int? RamMib);
