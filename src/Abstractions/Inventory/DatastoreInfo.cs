namespace VmwareMcp.Abstractions.Inventory;

/// <summary>A datastore.</summary>
/// <param name="Id">Managed object id.</param>
/// <param name="Name">Name.</param>
/// <param name="Type">File system type, for example <c>VMFS</c>, <c>NFS</c>, <c>vsan</c>.</param>
/// <param name="CapacityBytes">Capacity in bytes.</param>
/// <param name="FreeBytes">Free space in bytes.</param>
/// <param name="Accessible">Whether hosts can reach it.</param>
/// <param name="Url">The datastore URL.</param>
public sealed record DatastoreInfo(string Id, string Name, string Type, long CapacityBytes, long FreeBytes, bool Accessible, string? Url);
