namespace VmwareMcp.Abstractions.Guest;

/// <summary>
/// How a VM's guest is made into a machine of its own at its next power-on: identity, addresses and DNS, or
/// a saved specification by name. Since 2.5.
/// </summary>
/// <remarks>
/// Passwords here are secrets: the host's audit log redacts any argument whose name holds "password", and
/// providers must neither log nor return them.
/// </remarks>
public sealed record GuestCustomization
{
    /// <summary>A saved specification's name (list_customization_specs); when given, nothing else may be.</summary>
    public string? SpecName { get; init; }

    /// <summary><c>linux</c> (LinuxPrep) or <c>windows</c> (Sysprep); required unless <see cref="SpecName"/> is given.</summary>
    public string? Os { get; init; }

    /// <summary>The Linux host name or the Windows computer name, 1-63 letters, digits and hyphens.</summary>
    public string? HostName { get; init; }

    /// <summary>Linux: the DNS domain. Windows: the Active Directory domain to join (with <see cref="DomainAdmin"/>).</summary>
    public string? Domain { get; init; }

    /// <summary>Linux: a tz database name (<c>Europe/Berlin</c>). Windows: a Microsoft time zone index (<c>85</c>).</summary>
    public string? TimeZone { get; init; }

    /// <summary>Windows: the workgroup to join when no domain is given (default <c>WORKGROUP</c>).</summary>
    public string? Workgroup { get; init; }

    /// <summary>Windows: the account that joins the domain.</summary>
    public string? DomainAdmin { get; init; }

    /// <summary>Windows: that account's password. Secret.</summary>
    public string? DomainAdminPassword { get; init; }

    /// <summary>Windows: the local Administrator's new password. Secret.</summary>
    public string? AdminPassword { get; init; }

    /// <summary>One entry per NIC in device order; NICs beyond the list use DHCP.</summary>
    public IReadOnlyList<NicAddress> Nics { get; init; } = [];

    /// <summary>DNS servers for every NIC.</summary>
    public IReadOnlyList<string> DnsServers { get; init; } = [];

    /// <summary>DNS search suffixes.</summary>
    public IReadOnlyList<string> DnsSuffixes { get; init; } = [];
}
