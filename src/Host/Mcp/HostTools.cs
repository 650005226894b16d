using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.Mcp;

/// <summary>Tools about the host itself.</summary>
[McpServerToolType]
internal sealed class HostTools(TargetProviders targets)
{
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_targets", Title = "List configured endpoints", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the vCenter and ESXi endpoints this server manages. Pass a name as 'target' to other tools.")]
    public IReadOnlyList<TargetRow> ListTargets() => targets.Describe();
}
