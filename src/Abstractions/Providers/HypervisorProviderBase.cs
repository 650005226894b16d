using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Abstractions.Providers;

/// <summary>
/// A starting point for a provider that serves part of the contract: reading an endpoint and its VMs is
/// required; every other operation answers <see cref="HypervisorErrorKind.NotSupported"/> until overridden,
/// which the host turns into a clear "not supported" error for REST and MCP callers.
/// </summary>
/// <param name="target">The target this provider serves.</param>
public abstract class HypervisorProviderBase(TargetOptions target) : IHypervisorProvider
{
    /// <inheritdoc />
    public TargetOptions Target { get; } = target;

    /// <summary>What this kind of endpoint is called in error messages, for example <c>"Acme cloud"</c>.</summary>
    protected virtual string EndpointDescription => $"target '{Target.Name}'";

    /// <inheritdoc />
    public abstract Task<EndpointInfo> GetEndpointInfoAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract Task<VmPage> ListVmsAsync(VmQuery query, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract Task<VmDetails> GetVmAsync(string vm, CancellationToken cancellationToken);

    /// <inheritdoc />
    public virtual Task<VmDetails> CreateVmAsync(CreateVmRequest request, IProgress<int>? progress, CancellationToken cancellationToken) => Unsupported<VmDetails>("create VMs");

    /// <inheritdoc />
    public virtual Task<VmDetails> CloneVmAsync(CloneVmRequest request, IProgress<int>? progress, CancellationToken cancellationToken) => Unsupported<VmDetails>("clone VMs");

    /// <inheritdoc />
    public virtual Task<VmReference> DeleteVmAsync(string vm, bool force, IProgress<int>? progress, CancellationToken cancellationToken) => Unsupported<VmReference>("delete VMs");

    /// <inheritdoc />
    public virtual Task<PowerResult> SetPowerStateAsync(string vm, PowerAction action, CancellationToken cancellationToken) => Unsupported<PowerResult>("change power state");

    /// <inheritdoc />
    public virtual Task<VmDetails> ReconfigureVmAsync(string vm, ReconfigureVmRequest request, CancellationToken cancellationToken) => Unsupported<VmDetails>("reconfigure VMs");

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<SnapshotInfo>> ListSnapshotsAsync(string vm, CancellationToken cancellationToken) => Unsupported<IReadOnlyList<SnapshotInfo>>("list snapshots");

    /// <inheritdoc />
    public virtual Task<SnapshotInfo> CreateSnapshotAsync(string vm, CreateSnapshotRequest request, CancellationToken cancellationToken) => Unsupported<SnapshotInfo>("create snapshots");

    /// <inheritdoc />
    public virtual Task<SnapshotInfo> RevertSnapshotAsync(string vm, string snapshot, CancellationToken cancellationToken) => Unsupported<SnapshotInfo>("revert snapshots");

    /// <inheritdoc />
    public virtual Task<SnapshotInfo> RemoveSnapshotAsync(string vm, string snapshot, CancellationToken cancellationToken) => Unsupported<SnapshotInfo>("remove snapshots");

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<DatacenterInfo>> ListDatacentersAsync(CancellationToken cancellationToken) => Unsupported<IReadOnlyList<DatacenterInfo>>("list datacenters");

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<ClusterInfo>> ListClustersAsync(CancellationToken cancellationToken) => Unsupported<IReadOnlyList<ClusterInfo>>("list clusters");

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<HostInfo>> ListHostsAsync(CancellationToken cancellationToken) => Unsupported<IReadOnlyList<HostInfo>>("list hosts");

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<DatastoreInfo>> ListDatastoresAsync(CancellationToken cancellationToken) => Unsupported<IReadOnlyList<DatastoreInfo>>("list datastores");

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(CancellationToken cancellationToken) => Unsupported<IReadOnlyList<NetworkInfo>>("list networks");

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A failed task saying that this endpoint cannot do <paramref name="what"/>.</summary>
    /// <typeparam name="T">The operation's result type.</typeparam>
    /// <param name="what">The operation in words, for example <c>"clone VMs"</c>.</param>
    protected Task<T> Unsupported<T>(string what) =>
        Task.FromException<T>(new HypervisorException(HypervisorErrorKind.NotSupported, $"{EndpointDescription} cannot {what}"));
}
