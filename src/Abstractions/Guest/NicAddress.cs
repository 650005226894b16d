namespace VmwareMcp.Abstractions.Guest;

/// <summary>One NIC's IPv4 settings in a customization: DHCP, or a fixed address. Since 2.5.</summary>
public sealed record NicAddress
{
    /// <summary>The fixed IPv4 address; null for DHCP.</summary>
    public string? Ip { get; init; }

    /// <summary>The subnet mask (<c>255.255.255.0</c>); required with <see cref="Ip"/>.</summary>
    public string? SubnetMask { get; init; }

    /// <summary>Default gateways, in order.</summary>
    public IReadOnlyList<string> Gateways { get; init; } = [];
}
