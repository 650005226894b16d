using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions;
using VmwareMcp.Host.Mcp;
using VmwareMcp.Host.Policies;

namespace VmwareMcp.Host.Approvals;

/// <summary>
/// Where a <c>require_approval</c> rule holds a call, once the call is really going to run (after its
/// confirmation, never for a preview): the first call becomes a pending request (announced to the webhooks),
/// and the call made again with the approved request's id goes ahead, once.
/// </summary>
internal sealed class ApprovalGate(ApprovalStore store, ApprovalDesk desk, Events.EventWebhooks webhooks, TimeProvider time)
{
    /// <summary>The rules' verdict on the MCP call under way, set by the access filter for this gate further in.</summary>
    public static readonly AsyncLocal<PolicyVerdict?> Verdict = new();

    /// <summary>Null when <paramref name="verdict"/> needs no approval; the approval used when it did.</summary>
    /// <exception cref="ApprovalRequiredException">The call is held as a pending request; nothing was done.</exception>
    /// <exception cref="Abstractions.Errors.HypervisorException">Why <paramref name="approvalId"/> cannot be used for this call.</exception>
    public async Task<Approval?> PassAsync(PolicyVerdict verdict, string? token, JsonObject arguments, string? approvalId, CancellationToken cancellationToken)
    {
        if (verdict.Rule is not { Effect: PolicyEffect.RequireApproval } rule)
        {
            return null;
        }

        var fingerprint = ApprovalStore.Fingerprint(verdict.Operation, verdict.Target, arguments);
        if (approvalId is not null)
        {
            return await desk.UseAsync(approvalId, token, fingerprint, cancellationToken);
        }

        var now = time.GetUtcNow();
        var (pending, created) = await store.RequestAsync(new Approval
        {
            Id = "apr-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant(),
            State = "pending",
            Rule = rule.Name,
            Operation = verdict.Operation,
            Token = token ?? "-",
            Target = verdict.Target,
            Subject = verdict.Subject,
            Arguments = (JsonObject)Audit.AuditLine.Redact(arguments.DeepClone())!,
            Created = now,
            Expires = now + rule.ApprovalWindow,
        }, fingerprint, cancellationToken);
        if (created)
        {
            webhooks.Announce(new JsonObject
            {
                ["type"] = "approval_requested",
                ["approval"] = System.Text.Json.JsonSerializer.SerializeToNode(pending, ContractJson.Options),
            });
        }

        throw new ApprovalRequiredException(pending);
    }

    /// <summary>The MCP filter, inside the confirmation gate: a held call answers with <see cref="ApprovalPending"/>.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (Verdict.Value is not { Rule.Effect: PolicyEffect.RequireApproval } verdict || context.MatchedPrimitive is not McpServerTool)
            {
                return await next(context, cancellationToken);
            }

            var arguments = context.Params?.Arguments;
            try
            {
                var approval = await context.Services!.GetRequiredService<ApprovalGate>().PassAsync(verdict, context.User?.Identity?.Name,
                    ApprovalArgument.CallArguments(arguments), ApprovalArgument.Of(arguments), cancellationToken);
                Audit.ChangeAudit.Current?.Approved(approval);
            }
            catch (ApprovalRequiredException held)
            {
                Audit.ChangeAudit.Current?.Approved(held.Approval);
                return ApprovalArgument.Pending(held.Approval);
            }

            return await next(context, cancellationToken);
        };
}
