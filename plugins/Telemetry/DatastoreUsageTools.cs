using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>Datastore capacity metrics, computed from the contract's datastore list.</summary>
[McpServerToolType]
public sealed class DatastoreUsageTools(ITargetProviders targets)
{
    /// <summary>One datastore's usage.</summary>
    /// <param name="Name">Datastore name.</param>
    /// <param name="CapacityGib">Capacity in GiB.</param>
    /// <param name="FreeGib">Free space in GiB.</param>
    /// <param name="UsedPercent">Percent of capacity in use.</param>
    public sealed record DatastoreUsage(string Name, double CapacityGib, double FreeGib, double UsedPercent);

    /// <summary>MCP: datastore usage of a target.</summary>
    /// <param name="target">Target name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [McpServerTool(Name = "get_datastore_usage", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Capacity, free space (GiB) and percent used of every datastore of a target.")]
    public Task<IReadOnlyList<DatastoreUsage>> GetDatastoreUsage(
        [Description("Configured target name (see list_targets); optional when only one is configured.")] string? target = null,
        CancellationToken cancellationToken = default) => UsageAsync(targets, target, cancellationToken);

    /// <summary>REST: <c>GET /metrics/v1/datastores?target=</c>.</summary>
    internal static async Task<IResult> UsageRoute(ITargetProviders targets, string? target, CancellationToken cancellationToken) =>
        Results.Ok(await UsageAsync(targets, target, cancellationToken));

    private static async Task<IReadOnlyList<DatastoreUsage>> UsageAsync(ITargetProviders targets, string? target, CancellationToken cancellationToken)
    {
        const double Gib = 1024.0 * 1024 * 1024;
        var datastores = await (await targets.GetAsync(target, cancellationToken)).ListDatastoresAsync(cancellationToken);
        return datastores.Select(d => new DatastoreUsage(
            d.Name,
            Math.Round(d.CapacityBytes / Gib, 2),
            Math.Round(d.FreeBytes / Gib, 2),
            d.CapacityBytes == 0 ? 0 : Math.Round(100.0 * (d.CapacityBytes - d.FreeBytes) / d.CapacityBytes, 1))).ToList();
    }
}
