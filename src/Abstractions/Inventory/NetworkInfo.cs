namespace VmwareMcp.Abstractions.Inventory;

/// <summary>A network a NIC can attach to.</summary>
/// <param name="Id">Managed object id.</param>
/// <param name="Name">Name (the port group label).</param>
/// <param name="Type"><c>Network</c> (standard port group), <c>DistributedVirtualPortgroup</c> or <c>OpaqueNetwork</c>.</param>
/// <param name="Accessible">Whether it is usable.</param>
public sealed record NetworkInfo(string Id, string Name, string Type, bool Accessible);
