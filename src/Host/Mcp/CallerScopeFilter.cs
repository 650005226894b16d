using ModelContextProtocol.Server;
using VmwareMcp.Host.Security;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// Makes the session's principal the <see cref="Caller"/> for MCP requests other than tool calls (resource
/// reads and subscriptions, prompts, completions), as <see cref="ToolAccessFilter"/> does for tools: on SSE and
/// stdio a request is served outside the HTTP request that carried it, so a token's target limits would
/// otherwise not reach what plugins read for it.
/// </summary>
internal static class CallerScopeFilter
{
    public static McpRequestHandler<TParams, TResult> Wrap<TParams, TResult>(McpRequestHandler<TParams, TResult> next) =>
        async (context, cancellationToken) =>
        {
            using (Caller.Use(context.User))
            {
                return await next(context, cancellationToken);
            }
        };
}
