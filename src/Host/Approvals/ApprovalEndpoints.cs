using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Policy;

namespace VmwareMcp.Host.Approvals;

/// <summary>
/// <c>/api/v1/approvals</c> (admin): the calls <c>require_approval</c> rules held, and their decision. An admin
/// approves or denies a pending request, never its own; the decision and the admin are in the audit log.
/// </summary>
internal static class ApprovalEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var approvals = api.MapGroup("/approvals");
        approvals.MapGet("/", (ApprovalStore store, string? state, int? limit, CancellationToken ct) =>
                limit is < 1 or > 1000
                    ? throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"limit must be between 1 and 1000, got {limit}")
                    : store.ListAsync(state, limit ?? 100, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Changes = false })
            .WithName("list_approvals").WithSummary("Calls held for approval, newest first (state: pending, approved, denied, used, expired)");
        approvals.MapGet("/{id}", async (ApprovalStore store, string id, CancellationToken ct) =>
                await store.FindAsync(id, ct) ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no approval request '{id}'"))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Changes = false })
            .WithName("get_approval").WithSummary("One held call: what was asked, by whom, and what was decided");
        approvals.MapPost("/{id}/approve", (ApprovalDesk desk, HttpContext http, string id, DecisionBody? body, CancellationToken ct) =>
                desk.DecideAsync(id, http.User.Identity?.Name, approve: true, body?.Reason, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Subject = "id", SubjectKind = "approval" })
            .WithName("approve_request").WithSummary("Approve a pending request; its requester then calls again with approval_id (MCP) or Approval-Id (REST)");
        approvals.MapPost("/{id}/deny", (ApprovalDesk desk, HttpContext http, string id, DecisionBody? body, CancellationToken ct) =>
                desk.DecideAsync(id, http.User.Identity?.Name, approve: false, body?.Reason, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Subject = "id", SubjectKind = "approval" })
            .WithName("deny_request").WithSummary("Deny a pending request; a call made with it is refused naming the admin and the reason");
    }
}

/// <summary>An admin's decision.</summary>
/// <param name="Reason">Why, for the requester and the audit log.</param>
internal sealed record DecisionBody(string? Reason);
