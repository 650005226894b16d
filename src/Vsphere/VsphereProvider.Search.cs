using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>Finding VMs by the endpoint's search index (SearchIndex) rather than a list of everything.</summary>
public abstract partial class VsphereProvider
{
    /// <summary>Longest value sent to the search index; real addresses, names, UUIDs and paths are far shorter.</summary>
    private const int MaxSearchText = 2048;

    public async Task<IReadOnlyList<VmSummary>> FindVmsAsync(VmSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var given = new[] { ("ip", search.Ip), ("dns_name", search.DnsName), ("uuid", search.Uuid), ("inventory_path", search.InventoryPath) }
            .Where(c => !string.IsNullOrWhiteSpace(c.Item2)).ToList();
        if (given.Count != 1)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"give exactly one of ip, dns_name, uuid, inventory_path ({(given.Count == 0 ? "none was" : string.Join(" and ", given.Select(g => g.Item1)) + " were")} given)");
        }

        var (criterion, value) = given[0];
        if (value!.Length > MaxSearchText)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{criterion} is longer than {MaxSearchText} characters");
        }

        var content = await ContentAsync(cancellationToken);
        var index = content.SearchIndex ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no search index");
        var found = criterion switch
        {
            "ip" => await Client.InvokeAsync("FindAllByIp", index, w => w.Text("ip", value.Trim()).Bool("vmSearch", true), cancellationToken),
            "dns_name" => await Client.InvokeAsync("FindAllByDnsName", index, w => w.Text("dnsName", value.Trim()).Bool("vmSearch", true), cancellationToken),
            "uuid" => await Client.InvokeAsync("FindByUuid", index, w => w.Text("uuid", value.Trim()).Bool("vmSearch", true).Bool("instanceUuid", search.InstanceUuid), cancellationToken),
            _ => await Client.InvokeAsync("FindByInventoryPath", index, w => w.Text("inventoryPath", value), cancellationToken),
        };
        var ids = found.Select(Vim.Ref).OfType<ManagedObjectReference>().Where(r => r.Type == "VirtualMachine").Select(r => r.Value).ToHashSet(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return [];
        }

        // The rows as list_vms shows them, from the live cache where it is warm.
        return (await ListVmsAsync(new VmQuery(), cancellationToken)).Items.Where(v => ids.Contains(v.Id)).ToList();
    }
}
