using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>REST routes for resource pools, named by inventory path (in the body, as it holds slashes) or id.</summary>
internal static class PoolRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var pools = api.MapGroup("/resource-pools").WithTags("Resource pools");

        pools.MapGet("/", async (ITargetProviders targets, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).ListResourcePoolsAsync(ct))
            .WithName("list_resource_pools").WithSummary("Every resource pool with its shares, reservations and limits (CPU in MHz, memory in MiB)");

        pools.MapPost("/", async (ITargetProviders targets, CreatePoolBody body, string? target, CancellationToken ct) =>
            {
                var pool = await (await targets.GetAsync(target, ct)).CreateResourcePoolAsync(body.Parent, body, ct);
                return Results.Created("/api/v1/resource-pools", pool);
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "parent", SubjectKind = "resource_pool" })
            .Produces<ResourcePoolInfo>(StatusCodes.Status201Created)
            .WithName("create_resource_pool").WithSummary("Create a resource pool (body: parent, name, cpu_shares, cpu_reservation_mhz, cpu_limit_mhz, cpu_expandable, and the same for memory in MiB)");

        pools.MapPost("/update", async (ITargetProviders targets, UpdatePoolBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).UpdateResourcePoolAsync(body.Pool, body, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "pool", SubjectKind = "resource_pool" })
            .Produces<ResourcePoolInfo>()
            .WithName("update_resource_pool").WithSummary("Change a resource pool (body: pool, and any of name, shares, reservations, limits)");

        pools.MapPost("/delete", async (ITargetProviders targets, DeletePoolBody body, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                return dry_run == true
                    ? Results.Ok(await InventoryContainers.DeletePoolPreviewAsync(provider, body.Pool, ct))
                    : Results.Ok(await provider.DeleteResourcePoolAsync(body.Pool, null, ct));
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Destructive = true, Subject = "pool", SubjectKind = "resource_pool" })
            .Produces<ResourcePoolInfo>()
            .WithName("delete_resource_pool").WithSummary("Delete a resource pool; its VMs and pools move to its parent (body: pool; ?dry_run=true previews)");
    }
}

/// <summary>Body of <c>POST /api/v1/resource-pools</c>: the settings, and where.</summary>
internal sealed class CreatePoolBody : ResourcePoolSettings
{
    /// <summary>The parent pool's path or id, or a cluster's or host's name for its root pool.</summary>
    public required string Parent { get; init; }
}

/// <summary>Body of <c>POST /api/v1/resource-pools/update</c>: the pool, and what to change.</summary>
internal sealed class UpdatePoolBody : ResourcePoolSettings
{
    /// <summary>The pool's path or id.</summary>
    public required string Pool { get; init; }
}

/// <summary>Body of <c>POST /api/v1/resource-pools/delete</c>.</summary>
/// <param name="Pool">The pool's path or id.</param>
internal sealed record DeletePoolBody(string Pool);
