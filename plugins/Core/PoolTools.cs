using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools for resource pools: where quotas (shares, reservations, limits) live.</summary>
[McpServerToolType]
internal sealed class PoolTools(ITargetProviders targets, ICallProgress progress)
{
    private const string Pool = "The resource pool: its inventory path as list_resource_pools shows it (e.g. /DC0/host/DC0_C0/Resources/batch) or its id (resgroup-42).";
    private const string Shares = "Shares against sibling pools: low, normal, high, or a number of shares.";

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_resource_pools", Title = "List resource pools", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists resource pools, the root pool of each cluster and host included, with path, owner, CPU (MHz) and memory (MiB) shares, reservation, expandability and limit (-1: none), and how many VMs and pools each holds. VM rows name their pool by the same path.")]
    public async Task<IReadOnlyList<ResourcePoolInfo>> ListResourcePools([Description(ToolHelp.Target)] string? target = null, CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListResourcePoolsAsync(cancellationToken);

    [Policy(AccessScope.Operate, Subject = "parent", SubjectKind = "resource_pool")]
    [McpServerTool(Name = "create_resource_pool", Title = "Create a resource pool", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates a resource pool inside another, or in a cluster's or host's root pool. Unset values take vSphere's defaults: normal shares, no reservation, expandable, no limit.")]
    public async Task<ResourcePoolInfo> CreateResourcePool(
        [Description("The parent: a pool's path or id, or a cluster's or standalone host's name for its root pool.")] string parent,
        [Description("The new pool's name, 1-80 characters, without '/' or '\\'.")] string name,
        [Description(Shares)] string? cpu_shares = null,
        [Description("Guaranteed CPU in MHz.")] long? cpu_reservation_mhz = null,
        [Description("CPU limit in MHz; -1 for none.")] long? cpu_limit_mhz = null,
        [Description("Whether the CPU reservation may borrow from the parent.")] bool? cpu_expandable = null,
        [Description(Shares)] string? memory_shares = null,
        [Description("Guaranteed memory in MiB.")] long? memory_reservation_mib = null,
        [Description("Memory limit in MiB; -1 for none.")] long? memory_limit_mib = null,
        [Description("Whether the memory reservation may borrow from the parent.")] bool? memory_expandable = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).CreateResourcePoolAsync(parent,
            Settings(name, cpu_shares, cpu_reservation_mhz, cpu_limit_mhz, cpu_expandable, memory_shares, memory_reservation_mib, memory_limit_mib, memory_expandable), cancellationToken);

    [Policy(AccessScope.Operate, Subject = "pool", SubjectKind = "resource_pool")]
    [McpServerTool(Name = "update_resource_pool", Title = "Change a resource pool", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Changes a resource pool's name, shares, reservations or limits; what is not given stays as it is.")]
    public async Task<ResourcePoolInfo> UpdateResourcePool(
        [Description(Pool)] string pool,
        [Description("A new name.")] string? name = null,
        [Description(Shares)] string? cpu_shares = null,
        [Description("Guaranteed CPU in MHz.")] long? cpu_reservation_mhz = null,
        [Description("CPU limit in MHz; -1 for none.")] long? cpu_limit_mhz = null,
        [Description("Whether the CPU reservation may borrow from the parent.")] bool? cpu_expandable = null,
        [Description(Shares)] string? memory_shares = null,
        [Description("Guaranteed memory in MiB.")] long? memory_reservation_mib = null,
        [Description("Memory limit in MiB; -1 for none.")] long? memory_limit_mib = null,
        [Description("Whether the memory reservation may borrow from the parent.")] bool? memory_expandable = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).UpdateResourcePoolAsync(pool,
            Settings(name, cpu_shares, cpu_reservation_mhz, cpu_limit_mhz, cpu_expandable, memory_shares, memory_reservation_mib, memory_limit_mib, memory_expandable), cancellationToken);

    [Policy(AccessScope.Admin, Destructive = true, Subject = "pool", SubjectKind = "resource_pool", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "delete_resource_pool", Title = "Delete a resource pool", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Deletes a resource pool; its VMs and child pools move up to its parent pool and lose its quotas. A root pool cannot be deleted. Without confirm=true it only previews what would move.")]
    public async Task<ResourcePoolInfo> DeleteResourcePool(
        [Description(Pool)] string pool,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).DeleteResourcePoolAsync(pool, progress.For($"deleting resource pool {pool}"), cancellationToken);

    /// <summary>The tools' flat arguments as the contract's settings; create and update take the same ones.</summary>
    private static ResourcePoolSettings Settings(string? name, string? cpuShares, long? cpuReservation, long? cpuLimit, bool? cpuExpandable,
        string? memoryShares, long? memoryReservation, long? memoryLimit, bool? memoryExpandable) => new()
        {
            Name = name, CpuShares = cpuShares, CpuReservationMhz = cpuReservation, CpuLimitMhz = cpuLimit, CpuExpandable = cpuExpandable,
            MemoryShares = memoryShares, MemoryReservationMib = memoryReservation, MemoryLimitMib = memoryLimit, MemoryExpandable = memoryExpandable,
        };
}
