using System.Text.RegularExpressions;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Samples.YamlInventory;

/// <summary>
/// A read-only provider over <see cref="InventoryFile"/>: the host's front door lists and shows its VMs;
/// everything else answers "not supported" through <see cref="HypervisorProviderBase"/>.
/// </summary>
/// <param name="target">The target it serves.</param>
/// <param name="file">The inventory.</param>
public sealed class YamlInventoryProvider(TargetOptions target, InventoryFile file) : HypervisorProviderBase(target)
{
    /// <inheritdoc />
    protected override string EndpointDescription => $"the YAML inventory behind target '{Target.Name}'";

    /// <inheritdoc />
    public override Task<EndpointInfo> GetEndpointInfoAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new EndpointInfo("YamlInventory", "1", $"YAML inventory ({file.About().InventoryFile})", null));

    /// <inheritdoc />
    public override async Task<VmPage> ListVmsAsync(VmQuery query, CancellationToken cancellationToken)
    {
        var name = query.NameGlob is null ? null : new Regex("^" + Regex.Escape(query.NameGlob).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        var matches = (await file.ReadAsync(cancellationToken))
            .Where(vm => name is null || name.IsMatch(vm.Name))
            .Where(vm => query.PowerState is null || string.Equals(vm.PowerState, query.PowerState, StringComparison.OrdinalIgnoreCase))
            .Where(vm => query.Host is null || string.Equals(vm.Host, query.Host, StringComparison.OrdinalIgnoreCase))
            .Where(vm => query.Cluster is null && query.Template is not true)
            .Select(Summary)
            .ToList();
        var page = matches.Skip(query.Offset).Take(query.Limit ?? int.MaxValue).ToList();
        var next = query.Offset + page.Count < matches.Count ? query.Offset + page.Count : (int?)null;
        return new VmPage(page, matches.Count, query.Offset, next);
    }

    /// <inheritdoc />
    public override async Task<VmDetails> GetVmAsync(string vm, CancellationToken cancellationToken)
    {
        var found = (await file.ReadAsync(cancellationToken)).FirstOrDefault(v => v.Name == vm)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no VM named '{vm}' in the YAML inventory of target '{Target.Name}'");
        return new VmDetails
        {
            Id = found.Name,
            Name = found.Name,
            PowerState = found.PowerState,
            IsTemplate = false,
            GuestId = found.GuestId,
            GuestFullName = found.GuestId,
            NumCpu = found.NumCpu,
            MemoryMib = found.MemoryMib,
            Uuid = null,
            InstanceUuid = null,
            IpAddress = found.IpAddress,
            HostName = null,
            ToolsStatus = null,
            Host = found.Host,
            Cluster = null,
            Datastores = [],
            Disks = [],
            Nics = [],
            Annotation = found.Annotation,
            Snapshots = [],
            CurrentSnapshot = null,
        };
    }

    private static VmSummary Summary(InventoryVm vm) =>
        new VmSummary
        {
            Id = vm.Name,
            Name = vm.Name,
            PowerState = vm.PowerState,
            IsTemplate = false,
            NumCpu = vm.NumCpu,
            MemoryMib = vm.MemoryMib,
            GuestId = vm.GuestId,
            IpAddress = vm.IpAddress,
            Host = vm.Host,
            Cluster = null,
        };
}
