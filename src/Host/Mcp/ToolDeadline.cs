using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// The MCP side of <see cref="Api.RequestDeadline"/>: a read-only tool call has one deadline
/// (<c>request_timeout_seconds</c>) for all its slot waits and vSphere calls, after which it answers a tool
/// error saying so. Tools that change something are not cut short.
/// </summary>
internal static class ToolDeadline
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool || ToolPolicy.Changes(tool))
            {
                return await next(context, cancellationToken);
            }

            var limit = context.Services!.GetRequiredService<HostSettings>().RequestTimeout;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(limit);
            try
            {
                return await next(context, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return ToolErrorFilter.Error($"Unavailable: {tool.ProtocolTool.Name} did not finish within {limit.TotalSeconds:0} s (request_timeout_seconds): the target is slow or busy; retry in a few seconds");
            }
        };
}
