namespace VmwareMcp.Abstractions.Vms;

/// <summary>
/// What to find VMs by, in one call instead of listing everything: exactly one of the members is set.
/// vSphere answers these from its search index (SearchIndex); guest values (IP, DNS name) need VMware Tools.
/// Since 2.2.
/// </summary>
public sealed class VmSearch
{
    /// <summary>An IP address the guest reports (IPv4 or IPv6).</summary>
    public string? Ip { get; init; }

    /// <summary>The DNS name the guest reports.</summary>
    public string? DnsName { get; init; }

    /// <summary>A BIOS UUID (<c>config.uuid</c>), or an instance UUID when <see cref="InstanceUuid"/> is true.</summary>
    public string? Uuid { get; init; }

    /// <summary>Whether <see cref="Uuid"/> is the vCenter instance UUID (<c>config.instanceUuid</c>) rather than the BIOS UUID.</summary>
    public bool InstanceUuid { get; init; }

    /// <summary>An inventory path, for example <c>DC0/vm/web/web-01</c>.</summary>
    public string? InventoryPath { get; init; }
}
