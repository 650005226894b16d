using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.Mcp;

/// <summary>Tools about the host itself.</summary>
[McpServerToolType]
internal sealed class HostTools(TargetProviders targets)
{
    /// <summary>A configured target as tools show it.</summary>
    /// <param name="Name">The name to pass as 'target'.</param>
    /// <param name="Endpoint">The endpoint's host and port.</param>
    /// <param name="Kind">vcenter or esxi, once known.</param>
    /// <param name="LastError">Why it could not be reached last time, if so.</param>
    public sealed record TargetRow(string Name, string Endpoint, string? Kind, string? LastError);

    [McpServerTool(Name = "list_targets", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the vCenter and ESXi endpoints this server manages. Pass a name as 'target' to other tools.")]
    public IReadOnlyList<TargetRow> ListTargets() =>
        targets.Targets.Select(t => new TargetRow(t.Name, t.Endpoint.Authority, targets.KindOf(t.Name) ?? t.Kind, targets.LastError(t.Name))).ToList();
}
