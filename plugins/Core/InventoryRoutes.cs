using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>REST routes for the inventory around VMs; every route takes <c>?target=</c>.</summary>
internal static class InventoryRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var inventory = api.MapGroup(string.Empty).WithTags("Inventory");
        inventory.MapGet("/datacenters", async (ITargetProviders targets, string? target, CancellationToken ct) =>
            await (await targets.GetAsync(target, ct)).ListDatacentersAsync(ct)).WithName("list_datacenters").WithSummary("List datacenters");
        inventory.MapGet("/hosts", async (ITargetProviders targets, string? target, CancellationToken ct) =>
            await (await targets.GetAsync(target, ct)).ListHostsAsync(ct)).WithName("list_hosts").WithSummary("List hosts with their cluster, state and capacity");
        inventory.MapGet("/datastores", async (ITargetProviders targets, string? target, CancellationToken ct) =>
            await (await targets.GetAsync(target, ct)).ListDatastoresAsync(ct)).WithName("list_datastores").WithSummary("List datastores with capacity and free space");
        inventory.MapGet("/datastores/{datastore}/files", async (ITargetProviders targets, string datastore, string? folder, string? pattern, string? target, CancellationToken ct) =>
            await (await targets.GetAsync(target, ct)).BrowseDatastoreAsync(datastore, folder, pattern, ct))
            .WithName("browse_datastore").WithSummary("Files and folders on a datastore below ?folder, at every depth, matching ?pattern (*.iso)");
        inventory.MapGet("/networks", async (ITargetProviders targets, string? target, CancellationToken ct) =>
            await (await targets.GetAsync(target, ct)).ListNetworksAsync(ct)).WithName("list_networks").WithSummary("List networks (distributed port groups included)");
        inventory.MapGet("/templates", async (ITargetProviders targets, string? target, string? name, int? offset, int? limit, CancellationToken ct) =>
            await (await targets.GetAsync(target, ct)).ListVmsAsync(
                VmQueries.Create(name, null, null, null, true, offset ?? 0, limit is null ? null : VmQueries.CheckedLimit(limit.Value)), ct)).WithName("list_templates").WithSummary("List templates, paged like VMs");
        inventory.MapGet("/targets", (ITargetProviders targets) => targets.Describe()).WithName("list_targets").WithSummary("List the configured endpoints, their kind and last error");
    }
}
