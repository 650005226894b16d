using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Abstractions.Vms;

namespace AcmeProvider;

/// <summary>
/// One target's provider. The host's front door (list_vms, get_vm, the REST routes) calls it; operations
/// not overridden here answer "not supported" through <see cref="HypervisorProviderBase"/>.
/// </summary>
public sealed class AcmeProviderProvider(TargetOptions target, AcmeProviderInventory inventory) : HypervisorProviderBase(target)
{
    /// <inheritdoc />
    public override Task<EndpointInfo> GetEndpointInfoAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new EndpointInfo("acmeprovider", "1", $"acmeprovider at {Target.Endpoint}", null));

    /// <inheritdoc />
    public override Task<VmPage> ListVmsAsync(VmQuery query, CancellationToken cancellationToken)
    {
        var matches = inventory.All
            .Where(vm => query.PowerState is null || string.Equals(vm.PowerState, query.PowerState, StringComparison.OrdinalIgnoreCase))
            .Where(vm => query.NameGlob is null || System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(query.NameGlob, vm.Name))
            .ToList();
        var page = matches.Skip(query.Offset).Take(query.Limit ?? int.MaxValue).ToList();
        var next = query.Offset + page.Count < matches.Count ? query.Offset + page.Count : (int?)null;
        return Task.FromResult(new VmPage(page, matches.Count, query.Offset, next));
    }

    /// <inheritdoc />
    public override Task<VmDetails> GetVmAsync(string vm, CancellationToken cancellationToken)
    {
        var found = inventory.All.FirstOrDefault(v => v.Id == vm || v.Name == vm)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no VM '{vm}' on target '{Target.Name}'");
        return Task.FromResult(new VmDetails
        {
            Id = found.Id,
            Name = found.Name,
            PowerState = found.PowerState,
            IsTemplate = found.IsTemplate,
            GuestId = found.GuestId,
            GuestFullName = null,
            NumCpu = found.NumCpu,
            MemoryMib = found.MemoryMib,
            Uuid = null,
            InstanceUuid = null,
            IpAddress = found.IpAddress,
            HostName = null,
            ToolsStatus = null,
            Host = found.Host,
            Cluster = found.Cluster,
            Datastores = [],
            Disks = [],
            Nics = [],
            Annotation = null,
            Snapshots = [],
            CurrentSnapshot = null,
        });
    }
}
