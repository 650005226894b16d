using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Host.Security;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// Tools a token cannot use are left out of its tools/list, and refused if called anyway; the caller's
/// principal is made the <see cref="Caller"/> for the call, so target limits apply below.
/// </summary>
internal static class ToolAccessFilter
{
    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> List(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            var scope = CallerScopes.Of(context.User);
            var tools = context.Server.ServerOptions.ToolCollection;
            result.Tools = result.Tools
                .Where(t => tools is null || !tools.TryGetPrimitive(t.Name, out var tool) || ToolScopes.For(tool) <= scope)
                .ToList();
            return result;
        };

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Call(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is McpServerTool tool && ToolScopes.For(tool) > CallerScopes.Of(context.User))
            {
                return ToolErrorFilter.Error(
                    $"Forbidden: the token '{context.User?.Identity?.Name}' lacks the '{ToolScopes.For(tool).Name()}' scope that {tool.ProtocolTool.Name} needs; ask for a token with it");
            }

            using (Caller.Use(context.User))
            {
                return await next(context, cancellationToken);
            }
        };
}
