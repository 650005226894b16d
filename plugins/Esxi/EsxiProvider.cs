using Microsoft.Extensions.Logging;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vsphere;

namespace VmwareMcp.Plugins.Esxi;

/// <summary>A standalone ESXi host: the shared vSphere provider without vCenter-only operations.</summary>
internal sealed class EsxiProvider(TargetOptions target, ILogger logger) : VsphereProvider(target, logger)
{
    public const string HostAgent = "HostAgent";

    protected override string ApiType => HostAgent;

    protected override string Kind => "esxi";

    public override Task<IReadOnlyList<ClusterInfo>> ListClustersAsync(CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<ClusterInfo>>(NotOnThisKind("listing clusters"));

    /// <summary>Real ESXi answers CloneVM_Task with NotSupported, so clone the way operators do by hand.</summary>
    public override Task<VmDetails> CloneVmAsync(CloneVmRequest request, IProgress<int>? progress, CancellationToken cancellationToken) =>
        CloneByCopyingDisksAsync(request, progress, cancellationToken);
}
