using System.Text.Json.Nodes;

namespace VmwareMcp.Host.Audit;

/// <summary>One change asked of the host, as the audit log keeps it.</summary>
/// <param name="Time">When it finished.</param>
/// <param name="Token">The token's name (never the token).</param>
/// <param name="Surface"><c>rest</c> or <c>mcp</c>.</param>
/// <param name="Operation">The tool, or the method and route.</param>
/// <param name="Target">The target, when named.</param>
/// <param name="Vm">The VM, when named.</param>
/// <param name="Arguments">The arguments, with anything secret-looking removed.</param>
/// <param name="Outcome"><c>pending</c> (held for approval; nothing done), <c>started</c> (written before the change; alone when the host stopped during it), <c>ok</c>, <c>refused</c> (scope,
/// read-only, bad input, nothing done), <c>preview</c>, <c>failed</c>, or <c>unknown</c> (a task was started and its end could not be
/// learned: look its ids up with get_task).</param>
/// <param name="Status">HTTP status, for REST.</param>
/// <param name="Error">Why it was refused or failed.</param>
/// <param name="DurationMs">How long it took.</param>
/// <param name="Tasks">The vSphere task ids it started (look them up in vCenter's task list).</param>
/// <param name="Before">The VM's power state, vCPUs, memory, host and datastores before the change (null if it did not exist).</param>
/// <param name="After">The same after the change (null if it no longer exists, or nothing was changed).</param>
/// <param name="Id">One change's id: its <c>started</c> record, written before the change is made, and the record of how it ended share it.</param>
/// <param name="Approval">The approval request a <c>require_approval</c> rule made (outcome <c>pending</c>), or the approval the change was made with.</param>
/// <param name="ApprovedBy">The admin who approved it, for a change made with an approval.</param>
public sealed record AuditRecord(
    DateTimeOffset Time, string Token, string Surface, string Operation, string? Target, string? Vm,
    JsonNode? Arguments, string Outcome, int? Status, string? Error, long DurationMs, IReadOnlyList<string>? Tasks = null,
    VmState? Before = null, VmState? After = null, string? Id = null, string? Approval = null, string? ApprovedBy = null);
