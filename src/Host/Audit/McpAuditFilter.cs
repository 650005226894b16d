using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Host.Mcp;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// Audits every call to an MCP tool that can change something: the <c>started</c> record before the tool
/// runs (a tool error, and nothing done, when it cannot be written), how it ended after.
/// </summary>
internal static class McpAuditFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool || !ToolPolicy.Changes(tool))
            {
                return await next(context, cancellationToken);
            }

            var arguments = AuditArguments.OfTool(context.Params?.Arguments);
            var policy = ToolPolicy.Of(tool);
            using var audit = new ChangeAudit(context.Services!, context.User, "mcp", tool.ProtocolTool.Name, AuditArguments.Text(arguments[policy.Target]), arguments, policy);
            try
            {
                await audit.StartAsync(cancellationToken);
            }
            catch (AuditUnavailableException ex)
            {
                return ToolErrorFilter.Error("AuditUnavailable: " + ex.Message);
            }

            CallToolResult result;
            try
            {
                result = await next(context, cancellationToken);
            }
            catch (Mcp.ConfirmationRequiredException)
            {
                await audit.EndAsync("preview", null, null);
                throw;
            }
            catch (Exception ex)
            {
                await audit.EndAsync(ChangeAudit.OutcomeOf(ex, audit.Tasks), null, ex.Message);
                throw;
            }

            // Refusals that never raised (scope) come back as tool errors from the access filter.
            var error = result.IsError == true ? string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text)) : null;
            var outcome = error is not null ? audit.Tasks.Count == 0 ? "refused" : "failed"
                : PreviewResult.Is(result) ? "preview" : Approvals.ApprovalArgument.IsPending(result) ? "pending" : "ok";
            await audit.EndAsync(outcome, null, error);
            return result;
        };
}
