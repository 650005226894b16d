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
