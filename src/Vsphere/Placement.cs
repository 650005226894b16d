using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>Where a new VM goes: folder, resource pool, datastore and network.</summary>
/// <param name="Folder">VM folder.</param>
/// <param name="Pool">Resource pool.</param>
/// <param name="Datastore">The datastore.</param>
/// <param name="DatastoreName">Datastore name.</param>
/// <param name="Network">The NIC's network.</param>
/// <param name="Lookup">The inventory read it was chosen from, for resolving further names without reading again.</param>
internal sealed record Placement(ManagedObjectReference Folder, ManagedObjectReference Pool, ManagedObjectReference Datastore, string DatastoreName, NetworkTarget Network, InventoryLookup Lookup);

/// <summary>A network to attach a NIC to; distributed port groups need their switch's UUID and key.</summary>
/// <param name="Ref">The network.</param>
/// <param name="Name">Its name.</param>
/// <param name="PortgroupKey">Distributed port group key, or null for a standard network.</param>
/// <param name="SwitchUuid">The distributed switch's UUID, or null.</param>
internal sealed record NetworkTarget(ManagedObjectReference Ref, string Name, string? PortgroupKey, string? SwitchUuid);
