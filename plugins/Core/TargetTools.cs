using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Plugins.Core;

/// <summary>The configured endpoints, as the caller's token may see them.</summary>
[McpServerToolType]
internal sealed class TargetTools(ITargetProviders targets)
{
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_targets", Title = "List configured endpoints", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the vCenter and ESXi endpoints this server manages. Pass a name as 'target' to other tools.")]
    public IReadOnlyList<TargetStatus> ListTargets() => targets.Describe();
}
