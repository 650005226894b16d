using System.Net;
using System.Text.RegularExpressions;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Guest;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Guest;

/// <summary>Checks a <see cref="GuestCustomization"/> and writes it as a vim25 <c>CustomizationSpec</c>, in WSDL element order.</summary>
internal static partial class CustomizationSpecs
{
    [GeneratedRegex(@"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$", RegexOptions.CultureInvariant)]
    private static partial Regex HostLabel();

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsName();

    [GeneratedRegex(@"^[A-Za-z0-9_+\-/]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZoneName();

    /// <summary>Refuses what vSphere would refuse or misread, naming the field; never echoes a password.</summary>
    public static void Check(GuestCustomization c, int nicCount)
    {
        if (c.SpecName is not null)
        {
            Require(c.Os is null && c.HostName is null && c.Nics.Count == 0 && c.DnsServers.Count == 0 && c.AdminPassword is null && c.Domain is null,
                "customization.spec_name: a saved specification is used as it is; give it alone");
            Require(c.SpecName.Length is > 0 and <= 80 && PrintableText.IsPrintable(c.SpecName), "customization.spec_name must be 1-80 printable characters");
            return;
        }

        Require(c.Os is "linux" or "windows", "customization.os must be linux or windows (or give spec_name)");
        Require(c.HostName is not null && HostLabel().IsMatch(c.HostName) && (c.Os == "linux" || c.HostName.Length <= 15),
            "customization.host_name must be 1-63 letters, digits and inner hyphens (a Windows computer name at most 15)");
        Require(c.Domain is null || DnsName().IsMatch(c.Domain), "customization.domain must be a DNS name like corp.example.com");
        Require(c.TimeZone is null || (c.Os == "linux" ? TimeZoneName().IsMatch(c.TimeZone) : int.TryParse(c.TimeZone, out var index) && index is >= 0 and <= 300),
            "customization.time_zone must be a tz name like Europe/Berlin (linux) or a Windows time zone index like 85 (windows)");
        Require(c.Workgroup is null || (c.Os == "windows" && HostLabel().IsMatch(c.Workgroup) && c.Workgroup.Length <= 15), "customization.workgroup is a Windows workgroup name, at most 15 letters, digits and hyphens");
        Require(c.Os == "windows" || (c.AdminPassword is null && c.DomainAdmin is null && c.DomainAdminPassword is null), "customization: admin_password, domain_admin and domain_admin_password are for windows");
        Require(c.DomainAdmin is null == (c.DomainAdminPassword is null) && (c.DomainAdmin is null || c.Domain is not null),
            "customization: joining a domain needs domain, domain_admin and domain_admin_password together");
        Require(Printable(c.DomainAdmin) && Printable(c.AdminPassword) && Printable(c.DomainAdminPassword), "customization: user names and passwords must be at most 256 printable characters");
        Require(c.Nics.Count <= nicCount, $"customization.nics has {c.Nics.Count} entries but the VM has {nicCount} network adapters");
        for (var i = 0; i < c.Nics.Count; i++)
        {
            var nic = c.Nics[i];
            Require(nic.Ip is null ? nic.SubnetMask is null : Ipv4(nic.Ip) && nic.SubnetMask is not null && Ipv4(nic.SubnetMask),
                $"customization.nics[{i}]: a fixed ip needs a subnet_mask, both IPv4 addresses; leave both out for DHCP");
            Require(nic.Gateways.Count <= 8 && nic.Gateways.All(Ipv4), $"customization.nics[{i}].gateways must be at most 8 IPv4 addresses");
        }

        Require(c.DnsServers.Count <= 8 && c.DnsServers.All(Ipv4), "customization.dns_servers must be at most 8 IPv4 addresses");
        Require(c.DnsSuffixes.Count <= 8 && c.DnsSuffixes.All(DnsName().IsMatch), "customization.dns_suffixes must be at most 8 DNS names");
    }

    /// <summary>Writes the spec's members into a <c>spec</c> or <c>customization</c> element; every NIC of the VM gets a mapping, as vSphere requires.</summary>
    public static void Write(SoapWriter spec, GuestCustomization c, int nicCount)
    {
        var windows = c.Os == "windows";
        spec.Element("options", windows ? "CustomizationWinOptions" : "CustomizationLinuxOptions", o =>
        {
            if (windows)
            {
                o.Bool("changeSID", true).Bool("deleteAccounts", false);
            }
        });
        if (windows)
        {
            spec.Element("identity", "CustomizationSysprep", id => id
                .Element("guiUnattended", null, g =>
                {
                    if (c.AdminPassword is not null)
                    {
                        g.Element("password", null, p => p.Text("value", c.AdminPassword).Bool("plainText", true));
                    }

                    g.Number("timeZone", c.TimeZone is null ? 85 : int.Parse(c.TimeZone, System.Globalization.CultureInfo.InvariantCulture)).Bool("autoLogon", false).Number("autoLogonCount", 0);
                })
                .Element("userData", null, u => u.Text("fullName", "Administrator").Text("orgName", "VmwareMcp")
                    .Element("computerName", "CustomizationFixedName", n => n.Text("name", c.HostName)).Text("productId", string.Empty))
                .Element("identification", null, i =>
                {
                    if (c.DomainAdmin is null)
                    {
                        i.Text("joinWorkgroup", c.Workgroup ?? "WORKGROUP");
                    }
                    else
                    {
                        i.Text("joinDomain", c.Domain).Text("domainAdmin", c.DomainAdmin)
                            .Element("domainAdminPassword", null, p => p.Text("value", c.DomainAdminPassword).Bool("plainText", true));
                    }
                }));
        }
        else
        {
            spec.Element("identity", "CustomizationLinuxPrep", id => id
                .Element("hostName", "CustomizationFixedName", n => n.Text("name", c.HostName))
                .Text("domain", c.Domain ?? "localdomain")
                .Text("timeZone", c.TimeZone)
                .Bool("hwClockUTC", true));
        }

        spec.Element("globalIPSettings", null, g =>
        {
            foreach (var suffix in c.DnsSuffixes)
            {
                g.Text("dnsSuffixList", suffix);
            }

            foreach (var server in c.DnsServers)
            {
                g.Text("dnsServerList", server);
            }
        });
        for (var i = 0; i < nicCount; i++)
        {
            var nic = i < c.Nics.Count ? c.Nics[i] : new NicAddress();
            spec.Element("nicSettingMap", null, map => map.Element("adapter", null, a =>
            {
                if (nic.Ip is null)
                {
                    a.Element("ip", "CustomizationDhcpIpGenerator", _ => { });
                }
                else
                {
                    a.Element("ip", "CustomizationFixedIp", ip => ip.Text("ipAddress", nic.Ip)).Text("subnetMask", nic.SubnetMask);
                }

                foreach (var gateway in nic.Gateways)
                {
                    a.Text("gateway", gateway);
                }
            }));
        }
    }

    private static bool Ipv4(string value) => IPAddress.TryParse(value, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(ch => ch == '.') == 3;

    private static bool Printable(string? value) => value is null || (value.Length <= 256 && PrintableText.IsPrintable(value));

    private static void Require(bool valid, string message)
    {
        if (!valid)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, message);
        }
    }
}
