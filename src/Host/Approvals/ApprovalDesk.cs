using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Host.Approvals;

/// <summary>
/// The rules of a decision: an admin approves or denies a pending request, never its own; the requester
/// uses an approval once, for the call it asked for. Every refusal says what to do instead.
/// </summary>
internal sealed class ApprovalDesk(ApprovalStore store, TimeProvider time)
{
    /// <exception cref="HypervisorException">NotFound, Forbidden (its own request), or Conflict (already decided, expired).</exception>
    public async Task<Approval> DecideAsync(string id, string? approver, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var approval = await store.FindAsync(id, cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no approval request '{id}'; GET /api/v1/approvals lists them");
        if (string.Equals(approver, approval.Token, StringComparison.OrdinalIgnoreCase))
        {
            throw new HypervisorException(HypervisorErrorKind.Forbidden, $"'{approver}' asked for request {id} and cannot decide it; another admin must");
        }

        if (approval.State != "pending")
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"request {id} is {approval.State}{By(approval)}; only a pending request can be decided");
        }

        var now = time.GetUtcNow();
        var decided = approval with
        {
            State = approve ? "approved" : "denied",
            DecidedBy = approver,
            DecidedAt = now,
            Reason = reason,
            Expires = approve ? now + (approval.Expires - approval.Created) : approval.Expires, // The requester gets the whole window to use it.
        };
        return await store.MoveAsync(approval, "pending", decided.State, decided, cancellationToken)
            ? decided
            : throw new HypervisorException(HypervisorErrorKind.Conflict, $"request {id} was decided by someone else just now; GET /api/v1/approvals/{id} shows how");
    }

    /// <summary>Uses the approval for a call by <paramref name="token"/> whose fingerprint is <paramref name="fingerprint"/>.</summary>
    /// <exception cref="HypervisorException">Why the call may not go ahead with it.</exception>
    public async Task<Approval> UseAsync(string id, string? token, string fingerprint, CancellationToken cancellationToken)
    {
        var approval = await store.FindAsync(id, cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no approval request '{id}'; call without approval_id to ask for one");
        if (!string.Equals(approval.Token, token, StringComparison.OrdinalIgnoreCase))
        {
            throw new HypervisorException(HypervisorErrorKind.Forbidden, $"approval {id} was asked for by '{approval.Token}', not '{token}'; nothing was done");
        }

        if (approval.Fingerprint != fingerprint)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument,
                $"approval {id} was given for another call ({approval.Operation} with other arguments); call with the arguments it was asked for, or without approval_id to ask anew");
        }

        var refusal = approval.State switch
        {
            "pending" => $"approval {id} is still pending; an admin decides it with POST /api/v1/approvals/{id}/approve or /deny",
            "denied" => $"approval {id} was denied{By(approval)}; nothing was done",
            "used" => $"approval {id} was already used; an approval allows one call",
            "expired" => $"approval {id} expired at {approval.Expires:u}; call without approval_id to ask anew",
            _ => null,
        };
        if (refusal is not null)
        {
            throw new HypervisorException(approval.State == "denied" ? HypervisorErrorKind.Forbidden : HypervisorErrorKind.Conflict, refusal);
        }

        return await store.MoveAsync(approval, "approved", "used", approval, cancellationToken)
            ? approval with { State = "used" }
            : throw new HypervisorException(HypervisorErrorKind.Conflict, $"approval {id} was used by another call just now; an approval allows one call");
    }

    private static string By(Approval approval) =>
        approval.DecidedBy is { } by ? $" by '{by}'{(approval.Reason is { } reason ? $": {reason}" : string.Empty)}" : string.Empty;
}
