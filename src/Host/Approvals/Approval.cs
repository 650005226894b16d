using System.Text.Json.Nodes;

namespace VmwareMcp.Host.Approvals;

/// <summary>
/// A call a <c>require_approval</c> rule held for a human: what was asked, by whom, and what an admin decided.
/// The requester calls again with <see cref="Id"/> once it is approved; an approval is used once.
/// </summary>
internal sealed record Approval
{
    /// <summary>The id to approve, deny, or call again with (<c>approval_id</c>, or the <c>Approval-Id</c> header).</summary>
    public required string Id { get; init; }

    /// <summary><c>pending</c>, <c>approved</c>, <c>denied</c>, <c>used</c> (the approved call was made) or <c>expired</c>.</summary>
    public required string State { get; init; }

    /// <summary>The rule that asked for approval.</summary>
    public required string Rule { get; init; }

    /// <summary>The tool or route name.</summary>
    public required string Operation { get; init; }

    /// <summary>The requesting token's name; it cannot decide its own request.</summary>
    public required string Token { get; init; }

    public required string Target { get; init; }

    /// <summary>The VM (or other object) the call acts on or creates, when it names one.</summary>
    public string? Subject { get; init; }

    /// <summary>The call's arguments, with secret-looking values removed.</summary>
    public required JsonObject Arguments { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>Until when it may be decided (pending) or used (approved).</summary>
    public required DateTimeOffset Expires { get; init; }

    /// <summary>The admin token that approved or denied it.</summary>
    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Why, as the admin said.</summary>
    public string? Reason { get; init; }

    /// <summary>The identity of the call it was asked for (<see cref="ApprovalStore.Fingerprint"/>); not shown.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Fingerprint { get; init; } = string.Empty;
}

/// <summary>A held call's answer over MCP: what to do next.</summary>
/// <param name="ApprovalId">The request an admin must approve.</param>
/// <param name="State">Always <c>pending_approval</c>.</param>
/// <param name="Rule">The rule that held it.</param>
/// <param name="Expires">When the request lapses.</param>
/// <param name="Next">What to do: ask an admin, then call again with the same arguments and <c>approval_id</c>.</param>
internal sealed record ApprovalPending(string ApprovalId, string State, string Rule, DateTimeOffset Expires, string Next)
{
    public static ApprovalPending Of(Approval approval) => new(approval.Id, "pending_approval", approval.Rule, approval.Expires,
        $"Nothing was done: rule '{approval.Rule}' needs a human's approval. An admin approves it with POST /api/v1/approvals/{approval.Id}/approve; "
        + $"then call again with the same arguments and approval_id '{approval.Id}' (before {approval.Expires:u}).");
}
