namespace VmwareMcp.Abstractions.Inventory;

/// <summary>A datacenter.</summary>
/// <param name="Id">Managed object id.</param>
/// <param name="Name">Name.</param>
public sealed record DatacenterInfo(string Id, string Name);
