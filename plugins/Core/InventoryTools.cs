using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools for the inventory around VMs.</summary>
[McpServerToolType]
internal sealed class InventoryTools(ITargetProviders targets)
{
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_datacenters", Title = "List datacenters", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists datacenters.")]
    public async Task<IReadOnlyList<DatacenterInfo>> ListDatacenters([Description(ToolHelp.Target)] string? target = null, CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListDatacentersAsync(cancellationToken);

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_hosts", Title = "List hosts", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists ESXi hosts: cluster, connection, power and maintenance state, hardware, version, uptime.")]
    public async Task<IReadOnlyList<HostInfo>> ListHosts([Description(ToolHelp.Target)] string? target = null, CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListHostsAsync(cancellationToken);

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_datastores", Title = "List datastores", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists datastores with type, capacity and free space in bytes.")]
    public async Task<IReadOnlyList<DatastoreInfo>> ListDatastores([Description(ToolHelp.Target)] string? target = null, CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListDatastoresAsync(cancellationToken);

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "browse_datastore", Title = "Browse a datastore's files", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the files and folders on a datastore below a folder, at every depth, with their type (iso, vm_disk, vm_config, folder, file ...), size and date: the ISO to mount, the disk left behind. At most 5000 entries: narrow with folder or pattern.")]
    public async Task<IReadOnlyList<DatastoreFile>> BrowseDatastore(
        [Description("The datastore: id or exact name (see list_datastores).")] string datastore,
        [Description("A folder below the datastore's root, e.g. iso/linux; omit for the root.")] string? folder = null,
        [Description("A name glob, e.g. *.iso; omit for every file.")] string? pattern = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).BrowseDatastoreAsync(datastore, folder, pattern, cancellationToken);

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_networks", Title = "List networks", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists networks a NIC can use: standard port groups and distributed port groups.")]
    public async Task<IReadOnlyList<NetworkInfo>> ListNetworks([Description(ToolHelp.Target)] string? target = null, CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListNetworksAsync(cancellationToken);

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_templates", Title = "List templates", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists VM templates (the sources clone_vm can copy), paged like list_vms.")]
    public async Task<VmPage> ListTemplates(
        [Description("Name glob, case-insensitive.")] string? name = null,
        [Description("How many to skip (from next_offset of the previous page); default 0."), Range(0, int.MaxValue)] int offset = 0,
        [Description("Page size, 1-1000; default 50."), Range(1, VmQueries.MaxPageSize)] int limit = VmTools.DefaultPageSize,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListVmsAsync(
            VmQueries.Create(name, null, null, null, true, offset, VmQueries.CheckedLimit(limit)), cancellationToken);
}
