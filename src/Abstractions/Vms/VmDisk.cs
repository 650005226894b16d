namespace VmwareMcp.Abstractions.Vms;

/// <summary>A virtual disk.</summary>
/// <param name="Label">Device label, for example <c>Hard disk 1</c>.</param>
/// <param name="CapacityGb">Capacity in GiB.</param>
/// <param name="FileName">Backing file as a datastore path, <c>[ds] folder/file.vmdk</c>.</param>
/// <param name="Datastore">Datastore name.</param>
public sealed record VmDisk(string Label, double CapacityGb, string? FileName, string? Datastore);
