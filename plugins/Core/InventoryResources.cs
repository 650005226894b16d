using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// VMs, hosts, datastores and clusters as MCP resources, one URI per object
/// (<c>vsphere://{target}/vm/{id}</c>), read fresh from the target (the live cache where warm). An agent can
/// attach one to its context, and a client offers the names through completions.
/// </summary>
[McpServerResourceType]
internal sealed class InventoryResources(ITargetProviders targets)
{
    [McpServerResource(UriTemplate = "vsphere://{target}/vm/{id}", Name = "vm", Title = "A VM", MimeType = "application/json")]
    [Description("One VM in detail, as get_vm shows it: power state, guest, size, placement, disks, NICs, snapshots.")]
    public Task<TextResourceContents> Vm(RequestContext<ReadResourceRequestParams> request, string target, string id, CancellationToken cancellationToken) =>
        ReadAsync(request, async () => await (await targets.GetAsync(target, cancellationToken)).GetVmAsync(id, cancellationToken));

    [McpServerResource(UriTemplate = "vsphere://{target}/host/{id}", Name = "host", Title = "A host", MimeType = "application/json")]
    [Description("One ESXi host: state, maintenance mode, hardware, version, uptime.")]
    public Task<TextResourceContents> Host(RequestContext<ReadResourceRequestParams> request, string target, string id, CancellationToken cancellationToken) =>
        ReadAsync(request, async () => Single(await (await targets.GetAsync(target, cancellationToken)).ListHostsAsync(cancellationToken), h => h.Id == id || h.Name == id, "host", id));

    [McpServerResource(UriTemplate = "vsphere://{target}/datastore/{id}", Name = "datastore", Title = "A datastore", MimeType = "application/json")]
    [Description("One datastore: type, capacity and free space.")]
    public Task<TextResourceContents> Datastore(RequestContext<ReadResourceRequestParams> request, string target, string id, CancellationToken cancellationToken) =>
        ReadAsync(request, async () => Single(await (await targets.GetAsync(target, cancellationToken)).ListDatastoresAsync(cancellationToken), d => d.Id == id || d.Name == id, "datastore", id));

    [McpServerResource(UriTemplate = "vsphere://{target}/cluster/{id}", Name = "cluster", Title = "A cluster", MimeType = "application/json")]
    [Description("One compute cluster (vCenter): hosts, CPU and memory capacity, DRS and HA.")]
    public Task<TextResourceContents> Cluster(RequestContext<ReadResourceRequestParams> request, string target, string id, CancellationToken cancellationToken) =>
        ReadAsync(request, async () => Single(await (await targets.GetAsync(target, cancellationToken)).ListClustersAsync(cancellationToken), c => c.Id == id || c.Name == id, "cluster", id));

    private static T Single<T>(IEnumerable<T> items, Func<T, bool> match, string kind, string id) =>
        items.FirstOrDefault(match) ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no {kind} '{id}' (an id or exact name)");

    /// <summary>
    /// The object as the tools show it, its endpoint text cleaned as every tool result is; an object that is
    /// not there is the protocol's "resource not found", any other failure an invalid request saying why.
    /// </summary>
    private static async Task<TextResourceContents> ReadAsync<T>(RequestContext<ReadResourceRequestParams> request, Func<Task<T>> read)
    {
        try
        {
            return new TextResourceContents
            {
                Uri = request.Params!.Uri,
                MimeType = "application/json",
                Text = UntrustedText.Clean(await read())!.ToJsonString(ContractJson.Options),
            };
        }
        catch (HypervisorException ex)
        {
            throw ResourceErrors.Of(ex);
        }
    }
}
