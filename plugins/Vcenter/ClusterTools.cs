using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Vcenter;

/// <summary>Clusters exist only on a vCenter, so this plugin contributes them.</summary>
[McpServerToolType]
public sealed class ClusterTools(ITargetProviders targets)
{
    /// <summary>MCP: lists clusters.</summary>
    /// <param name="target">Target name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_clusters", Title = "List clusters", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the compute clusters of a vCenter target: hosts, CPU and memory capacity, DRS and HA.")]
    public async Task<IReadOnlyList<ClusterInfo>> ListClusters(
        [Description("Configured target name (see list_targets); optional when only one is configured.")] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListClustersAsync(cancellationToken);

    /// <summary>REST: <c>GET /api/v1/clusters?target=</c>.</summary>
    internal static async Task<IResult> ListClustersRoute(ITargetProviders targets, string? target, CancellationToken cancellationToken) =>
        Results.Ok(await (await targets.GetAsync(target, cancellationToken)).ListClustersAsync(cancellationToken));
}
