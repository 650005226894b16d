using System.Text.Json.Nodes;
using ModelContextProtocol;
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
            Fingerprint = fingerprint,
        }, cancellationToken);
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

    /// <summary>
    /// Waits for an admin to decide <paramref name="approval"/>, up to <paramref name="patience"/>, reading the store
    /// each second (another process on this configuration may decide it). The request as it then is, decided or not.
    /// </summary>
    public async Task<Approval> AwaitDecisionAsync(Approval approval, TimeSpan patience, Func<string, Task> progress, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + patience;
        var current = approval;
        while (current.State == "pending" && time.GetUtcNow() < deadline)
        {
            await progress($"waiting for an admin to approve {approval.Id} (rule '{approval.Rule}'): POST /api/v1/approvals/{approval.Id}/approve");
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            current = await store.FindAsync(approval.Id, cancellationToken) ?? current;
        }

        return current;
    }

    /// <summary>Progress notices to the caller, when it asked for them.</summary>
    private static Func<string, Task> Progress(RequestContext<CallToolRequestParams> context) =>
        context.Params?.ProgressToken is { } progressToken
            ? message => context.Server.NotifyProgressAsync(progressToken, new ProgressNotificationValue { Progress = 0, Message = message })
            : _ => Task.CompletedTask;

    /// <summary>The MCP filter, inside the confirmation gate: a held call answers with <see cref="ApprovalPending"/>.</summary>
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (Verdict.Value is not { Rule.Effect: PolicyEffect.RequireApproval } verdict || context.MatchedPrimitive is not McpServerTool)
            {
                return await next(context, cancellationToken);
            }

            var arguments = context.Params?.Arguments;
            var wait = ApprovalArgument.WaitOf(arguments);
            var gate = context.Services!.GetRequiredService<ApprovalGate>();
            var token = context.User?.Identity?.Name;
            var own = ApprovalArgument.CallArguments(arguments);
            try
            {
                Audit.ChangeAudit.Current?.Approved(await gate.PassAsync(verdict, token, own, ApprovalArgument.Of(arguments), cancellationToken));
            }
            catch (ApprovalRequiredException held)
            {
                Audit.ChangeAudit.Current?.Approved(held.Approval);
                if (wait == 0 || await gate.AwaitDecisionAsync(held.Approval, TimeSpan.FromSeconds(wait), Progress(context), cancellationToken) is not { State: "approved" })
                {
                    return ApprovalArgument.Pending(held.Approval);
                }

                // Approved while the call waited: use it, as a call made again with approval_id would.
                Audit.ChangeAudit.Current?.Approved(await gate.PassAsync(verdict, token, own, held.Approval.Id, cancellationToken));
            }

            return await next(context, cancellationToken);
        };
}
