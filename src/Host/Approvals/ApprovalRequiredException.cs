namespace VmwareMcp.Host.Approvals;

/// <summary>
/// Thrown at the policy boundary when a <c>require_approval</c> rule holds a call: nothing was done, and the
/// surface answers with the pending request (MCP: a structured <see cref="ApprovalPending"/>; REST: 202 with
/// <c>Location: /api/v1/approvals/{id}</c>).
/// </summary>
internal sealed class ApprovalRequiredException(Approval approval)
    : Exception($"held for approval by rule '{approval.Rule}' as request {approval.Id}; nothing was done")
{
    public Approval Approval { get; } = approval;
}
