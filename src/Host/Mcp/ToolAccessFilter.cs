using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Host.Security;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// The scope and read-only part of the MCP boundary, from each tool's declared policy (<see cref="ToolPolicy"/>),
/// the same for the host's tools and every plugin's: tools a token cannot use are left out of its tools/list and
/// refused if called anyway; a tool that changes something is refused on a read-only target before it runs.
/// The caller's principal is made the <see cref="Caller"/> for the call, so target limits apply below.
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
                .Where(t => tools is null || !tools.TryGetPrimitive(t.Name, out var tool) || ToolPolicy.ScopeOf(tool) <= scope)
                .ToList();
            return result;
        };

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Call(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is McpServerTool tool)
            {
                var needed = ToolPolicy.ScopeOf(tool);
                if (needed > CallerScopes.Of(context.User))
                {
                    return ToolErrorFilter.Error(
                        $"Forbidden: the token '{context.User?.Identity?.Name}' lacks the '{needed.Name()}' scope that {tool.ProtocolTool.Name} needs; ask for a token with it");
                }

                var policy = ToolPolicy.Of(tool);
                var target = context.Services!.GetRequiredService<TargetProviders>().OptionsOf(ToolPolicy.Argument(context.Params?.Arguments, policy.Target));
                if (policy.Changes && target?.ReadOnly == true)
                {
                    return ToolErrorFilter.Error(
                        $"Forbidden: target '{target.Name}' is read-only (read_only: true in the configuration), so {tool.ProtocolTool.Name} was refused; nothing was changed");
                }

                using (Caller.Use(context.User))
                {
                    var arguments = context.Params?.Arguments;
                    Approvals.ApprovalGate.Verdict.Value = await context.Services!.GetRequiredService<Policies.CallPolicy>().EnforceAsync(tool.ProtocolTool.Name, policy,
                        context.User?.Identity?.Name, ToolPolicy.Argument(arguments, policy.Target), ToolPolicy.Argument(arguments, policy.Subject),
                        ToolPolicy.Argument(arguments, policy.Creates), cancellationToken);
                }
            }

            using (Caller.Use(context.User))
            {
                return await next(context, cancellationToken);
            }
        };
}
