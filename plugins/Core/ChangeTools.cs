using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools over the changes the host made, as its audit log recorded them.</summary>
[McpServerToolType]
internal sealed class ChangeTools(ITargetProviders targets, IChangeHistory history)
{
    [Policy(AccessScope.Operate, Destructive = true, Subject = "change_id", SubjectKind = "change", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "undo_change", Title = "Undo a change by its audit id", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Sets a VM back as it was before a change made through this host (its name, vCPUs and memory, power state), from the change's audit record " +
        "(its 'id' in the audit log). Refused, saying why, when the change did not end ok or the VM changed since. Confirm like any destructive change.")]
    public Task<UndoResult> UndoChange(
        [Description("The change's id in the audit log (GET /api/v1/audit).")] string change_id,
        CancellationToken cancellationToken = default) =>
        ChangeUndo.UndoAsync(history, targets, change_id, cancellationToken);
}
