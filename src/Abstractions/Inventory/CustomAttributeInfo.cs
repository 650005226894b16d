namespace VmwareMcp.Abstractions.Inventory;

/// <summary>
/// A custom attribute definition (vCenter's CustomFieldsManager): a named text field operators set on VMs and
/// hosts, such as an owner or a cost centre, shown in get_vm and usable as a list filter. Since 2.4.
/// </summary>
public sealed record CustomAttributeInfo
{
    /// <summary>vCenter's key for the field.</summary>
    public required int Key { get; init; }

    /// <summary>The attribute's name, unique in the vCenter.</summary>
    public required string Name { get; init; }

    /// <summary>The object type it applies to (<c>VirtualMachine</c>, <c>HostSystem</c>); null for every type.</summary>
    public string? ObjectType { get; init; }
}
