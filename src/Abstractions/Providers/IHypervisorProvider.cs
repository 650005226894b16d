using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Metrics;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Abstractions.Providers;

/// <summary>
/// Everything the host's MCP tools and REST routes can ask of one vCenter or ESXi target.
/// </summary>
/// <remarks>
/// One instance serves one target for the life of the host and is called concurrently. A VM is named by
/// <c>vm</c>: its managed object id (<c>vm-42</c>) or its exact name. Failures a caller can act on are
/// thrown as <see cref="Errors.HypervisorException"/>; an operation the endpoint cannot do throws it with
/// <see cref="Errors.HypervisorErrorKind.NotSupported"/>. Long operations report progress (0-100) through
/// the optional <see cref="IProgress{T}"/>.
/// </remarks>
public interface IHypervisorProvider : IAsyncDisposable
{
    /// <summary>The target this provider serves.</summary>
    TargetOptions Target { get; }

    /// <summary>
    /// Alarms, events, tasks, host health, maintenance and migration, when the provider offers them; null
    /// otherwise (callers then answer "not supported"). Ask this member, not a cast: a provider may serve
    /// them from another object. By default, the provider itself when it implements <see cref="IOperationsSource"/>.
    /// </summary>
    IOperationsSource? Operations => this as IOperationsSource;

    /// <summary>Performance metrics, when the provider offers them; null otherwise. By default, the provider itself when it implements <see cref="IMetricsSource"/>.</summary>
    IMetricsSource? Metrics => this as IMetricsSource;

    /// <summary>A VM's disks, NICs, CD-ROM and hardware version after creation, when the provider can change them; null otherwise. Since 2.5.</summary>
    Devices.IVmDevices? Devices => this as Devices.IVmDevices;

    /// <summary>Guest customization and waiting for a guest, when the provider offers them; null otherwise. Since 2.5.</summary>
    Guest.IGuestCustomizer? Guest => this as Guest.IGuestCustomizer;

    /// <summary>OVF and OVA deployment, when the provider offers it; null otherwise. Since 2.6.</summary>
    Ovf.IOvfDeployer? Ovf => this as Ovf.IOvfDeployer;

    /// <summary>The state of a live inventory cache, when the provider keeps one; null otherwise.</summary>
    IInventoryCacheStatus? InventoryCache => this as IInventoryCacheStatus;

    /// <summary>Connects if needed and describes the endpoint; throws when it cannot be reached.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<EndpointInfo> GetEndpointInfoAsync(CancellationToken cancellationToken);

    /// <summary>Lists VMs (and templates) matching <paramref name="query"/>, one page at a time.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<VmPage> ListVmsAsync(VmQuery query, CancellationToken cancellationToken);

    /// <summary>Reads one VM in detail.</summary>
    /// <param name="vm">Managed object id or exact name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<VmDetails> GetVmAsync(string vm, CancellationToken cancellationToken);

    /// <summary>Creates a VM; unset placement falls back to the target's configured defaults.</summary>
    /// <param name="request">What to create.</param>
    /// <param name="progress">Receives task progress, 0-100.</param>
    /// <param name="cancellationToken">Cancels waiting (the endpoint's task may still finish).</param>
    Task<VmDetails> CreateVmAsync(CreateVmRequest request, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Clones a VM or template.</summary>
    /// <param name="request">Source, new name and placement.</param>
    /// <param name="progress">Receives task progress, 0-100.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    Task<VmDetails> CloneVmAsync(CloneVmRequest request, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Deletes a VM and its files. A powered-on VM needs <paramref name="force"/>, which powers it off first.</summary>
    /// <param name="vm">Managed object id or exact name.</param>
    /// <param name="force">Power off first when the VM is on.</param>
    /// <param name="progress">Receives task progress, 0-100.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    Task<VmReference> DeleteVmAsync(string vm, bool force, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Changes a VM's power state; asking for the state it is in succeeds and says so.</summary>
    /// <param name="vm">Managed object id or exact name.</param>
    /// <param name="action">What to do.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    Task<PowerResult> SetPowerStateAsync(string vm, PowerAction action, CancellationToken cancellationToken);

    /// <summary>Changes a VM's vCPU count and/or memory.</summary>
    /// <param name="vm">Managed object id or exact name.</param>
    /// <param name="request">The new sizes; null members stay as they are.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    Task<VmDetails> ReconfigureVmAsync(string vm, ReconfigureVmRequest request, CancellationToken cancellationToken);

    /// <summary>Lists a VM's snapshots as a flat list (each names its parent).</summary>
    /// <param name="vm">Managed object id or exact name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<SnapshotInfo>> ListSnapshotsAsync(string vm, CancellationToken cancellationToken);

    /// <summary>Takes a snapshot.</summary>
    /// <param name="vm">Managed object id or exact name.</param>
    /// <param name="request">Name, description and options.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    Task<SnapshotInfo> CreateSnapshotAsync(string vm, CreateSnapshotRequest request, CancellationToken cancellationToken);

    /// <summary>Reverts a VM to a snapshot.</summary>
    /// <param name="vm">Managed object id or exact name.</param>
    /// <param name="snapshot">Snapshot id (<c>snapshot-3</c>) or exact name.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    Task<SnapshotInfo> RevertSnapshotAsync(string vm, string snapshot, CancellationToken cancellationToken);

    /// <summary>Removes a snapshot (its children are kept).</summary>
    /// <param name="vm">Managed object id or exact name.</param>
    /// <param name="snapshot">Snapshot id or exact name.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    Task<SnapshotInfo> RemoveSnapshotAsync(string vm, string snapshot, CancellationToken cancellationToken);

    /// <summary>Lists datacenters.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<DatacenterInfo>> ListDatacentersAsync(CancellationToken cancellationToken);

    /// <summary>Lists clusters (vCenter only).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ClusterInfo>> ListClustersAsync(CancellationToken cancellationToken);

    /// <summary>Lists hosts.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<HostInfo>> ListHostsAsync(CancellationToken cancellationToken);

    /// <summary>Lists datastores with capacity and free space.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<DatastoreInfo>> ListDatastoresAsync(CancellationToken cancellationToken);

    /// <summary>Lists networks, standard and distributed port groups.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The VMs matching <paramref name="search"/> (an IP, a DNS name, a UUID or an inventory path), found by
    /// the endpoint's search index rather than a list of everything. Since 2.2; a provider without it answers
    /// <see cref="Errors.HypervisorErrorKind.NotSupported"/>.
    /// </summary>
    /// <param name="search">Exactly one criterion.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<VmSummary>> FindVmsAsync(VmSearch search, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot search VMs by address, UUID or path");

    /// <summary>
    /// The files and folders below <paramref name="folder"/> on a datastore, at every depth, whose names match
    /// <paramref name="pattern"/> (what is there to mount, or left behind). Since 2.2; a provider without it answers
    /// <see cref="Errors.HypervisorErrorKind.NotSupported"/>.
    /// </summary>
    /// <param name="datastore">The datastore's id or exact name.</param>
    /// <param name="folder">A folder relative to the datastore's root; null or empty for the root.</param>
    /// <param name="pattern">A name glob (<c>*.iso</c>); null for every file.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<DatastoreFile>> BrowseDatastoreAsync(string datastore, string? folder, string? pattern, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot browse datastores");

    /// <summary>Renames a VM (its inventory name; the files keep theirs). Since 2.2; a provider without it answers NotSupported.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="newName">The new name, 1-80 characters.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    /// <exception cref="Errors.HypervisorException"><see cref="Errors.HypervisorErrorKind.Conflict"/> when the name is taken in the VM's folder.</exception>
    Task<VmDetails> RenameVmAsync(string vm, string newName, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot rename VMs");

    /// <summary>
    /// Where the endpoint's own placement (vCenter's PlaceVm, with DRS's view of the cluster) would put a new VM
    /// like <paramref name="request"/> in its cluster, without creating anything. Since 2.3; a provider without it
    /// answers NotSupported.
    /// </summary>
    /// <param name="request">The VM to place; its cluster is required.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<VmPlacement> RecommendPlacementAsync(CreateVmRequest request, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot recommend a VM's placement");

    /// <summary>Replaces a VM's notes (its annotation). Since 2.2; a provider without it answers NotSupported.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="notes">The new notes; empty clears them.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> SetVmNotesAsync(string vm, string notes, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot change VM notes");

    /// <summary>Every folder of the inventory (VM, host, datastore and network folders), by path. Since 2.4; a provider without folders answers NotSupported.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<FolderInfo>> ListFoldersAsync(CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no folders");

    /// <summary>Makes a folder in <paramref name="parent"/>. Since 2.4; a provider without folders answers NotSupported.</summary>
    /// <param name="parent">The parent folder's path (<c>/DC0/vm</c>) or id.</param>
    /// <param name="name">The new folder's name, 1-80 characters.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="Errors.HypervisorException"><see cref="Errors.HypervisorErrorKind.Conflict"/> when the parent already holds that name.</exception>
    Task<FolderInfo> CreateFolderAsync(string parent, string name, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot create folders");

    /// <summary>Renames a folder; what is in it moves with it. Since 2.4; a provider without folders answers NotSupported.</summary>
    /// <param name="folder">The folder's path or id.</param>
    /// <param name="newName">The new name, 1-80 characters.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<FolderInfo> RenameFolderAsync(string folder, string newName, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot rename folders");

    /// <summary>
    /// Deletes a folder. An empty one only, unless <paramref name="force"/>: then everything in it goes too (VMs are
    /// deleted from disk). Since 2.4; a provider without folders answers NotSupported.
    /// </summary>
    /// <param name="folder">The folder's path or id.</param>
    /// <param name="force">Delete what it holds as well.</param>
    /// <param name="progress">Receives the task's percentage, when the caller wants it.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    /// <returns>The folder as it was.</returns>
    /// <exception cref="Errors.HypervisorException"><see cref="Errors.HypervisorErrorKind.Conflict"/> for a folder that is not empty without force.</exception>
    Task<FolderInfo> DeleteFolderAsync(string folder, bool force, IProgress<int>? progress, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot delete folders");

    /// <summary>Moves a VM or template into a VM folder of its datacenter. Since 2.4; a provider without folders answers NotSupported.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="folder">The destination folder's path or id.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    /// <returns>The VM, in its new folder.</returns>
    Task<VmDetails> MoveVmToFolderAsync(string vm, string folder, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot move VMs between folders");

    /// <summary>Every resource pool, root pools included, with its shares, reservations and limits. Since 2.4; a provider without pools answers NotSupported.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ResourcePoolInfo>> ListResourcePoolsAsync(CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no resource pools");

    /// <summary>Makes a resource pool in <paramref name="parent"/>. Since 2.4; a provider without pools answers NotSupported.</summary>
    /// <param name="parent">The parent pool's path or id, or a cluster's name for its root pool.</param>
    /// <param name="settings">The new pool's name (required) and what to set.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="Errors.HypervisorException"><see cref="Errors.HypervisorErrorKind.Conflict"/> when the parent holds that name.</exception>
    Task<ResourcePoolInfo> CreateResourcePoolAsync(string parent, ResourcePoolSettings settings, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot create resource pools");

    /// <summary>Changes a resource pool's name, shares, reservations or limits; what is not given stays. Since 2.4.</summary>
    /// <param name="pool">The pool's path or id.</param>
    /// <param name="settings">What to change.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<ResourcePoolInfo> UpdateResourcePoolAsync(string pool, ResourcePoolSettings settings, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot change resource pools");

    /// <summary>Deletes a resource pool; its VMs and child pools move up to its parent. A root pool cannot be deleted. Since 2.4.</summary>
    /// <param name="pool">The pool's path or id.</param>
    /// <param name="progress">Receives the task's percentage, when the caller wants it.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    /// <returns>The pool as it was.</returns>
    Task<ResourcePoolInfo> DeleteResourcePoolAsync(string pool, IProgress<int>? progress, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot delete resource pools");

    /// <summary>The custom attribute definitions. Since 2.4; a provider without them (a standalone ESXi host) answers NotSupported.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<CustomAttributeInfo>> ListCustomAttributesAsync(CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no custom attributes");

    /// <summary>Defines a custom attribute. Since 2.4; a provider without them answers NotSupported.</summary>
    /// <param name="name">Its name, 1-80 characters, not yet defined.</param>
    /// <param name="objectType"><c>VirtualMachine</c> or <c>HostSystem</c>; null for every type.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<CustomAttributeInfo> DefineCustomAttributeAsync(string name, string? objectType, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot define custom attributes");

    /// <summary>Removes a custom attribute definition, and its value from every object. Since 2.4.</summary>
    /// <param name="name">The attribute's name or key.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The definition as it was.</returns>
    Task<CustomAttributeInfo> RemoveCustomAttributeAsync(string name, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot remove custom attributes");

    /// <summary>Sets a VM's value of a custom attribute; an empty value clears it. Since 2.4.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="name">The attribute's name or key.</param>
    /// <param name="value">The value, at most 4096 characters.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The VM, with its attributes.</returns>
    Task<VmDetails> SetVmAttributeAsync(string vm, string name, string value, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot set custom attributes");

    /// <summary>The tag categories (vSphere Automation API). Since 2.4; a provider without tagging (a standalone ESXi host) answers NotSupported.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<TagCategoryInfo>> ListTagCategoriesAsync(CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no tags; tagging needs a vCenter");

    /// <summary>Creates a tag category. Since 2.4.</summary>
    /// <param name="category">Its name, description, cardinality and associable types; the id is ignored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TagCategoryInfo> CreateTagCategoryAsync(TagCategoryInfo category, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no tags; tagging needs a vCenter");

    /// <summary>Deletes a tag category and its tags (and their attachments). Since 2.4.</summary>
    /// <param name="category">The category's name or id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The category as it was.</returns>
    Task<TagCategoryInfo> DeleteTagCategoryAsync(string category, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no tags; tagging needs a vCenter");

    /// <summary>The tags, of one category or all. Since 2.4.</summary>
    /// <param name="category">A category's name or id; null for every tag.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<TagInfo>> ListTagsAsync(string? category, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no tags; tagging needs a vCenter");

    /// <summary>Creates a tag in a category. Since 2.4.</summary>
    /// <param name="category">The category's name or id.</param>
    /// <param name="name">The tag's name, unique in the category.</param>
    /// <param name="description">What it means; may be null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TagInfo> CreateTagAsync(string category, string name, string? description, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no tags; tagging needs a vCenter");

    /// <summary>Deletes a tag, and its attachments. Since 2.4.</summary>
    /// <param name="tag">The tag as <c>category:tag</c>, or its id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tag as it was.</returns>
    Task<TagInfo> DeleteTagAsync(string tag, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no tags; tagging needs a vCenter");

    /// <summary>Puts a tag on an object, or takes it off. Since 2.4.</summary>
    /// <param name="tag">The tag as <c>category:tag</c>, or its id.</param>
    /// <param name="objectType"><c>vm</c>, <c>host</c>, <c>datastore</c> or <c>network</c>.</param>
    /// <param name="obj">The object's id or exact name.</param>
    /// <param name="attach">True to attach, false to detach.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object, with the tags it carries now.</returns>
    Task<TaggedObject> SetTagAsync(string tag, string objectType, string obj, bool attach, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no tags; tagging needs a vCenter");
}
