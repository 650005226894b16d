using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// The MCP side of the error boundary: a <see cref="HypervisorException"/> from any tool, the host's or a
/// plugin's, becomes a tool error whose text says what went wrong and what to do. The SDK would otherwise
/// replace its message with a generic one.
/// </summary>
internal static class ToolErrorFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            try
            {
                return await next(context, cancellationToken);
            }
            catch (HypervisorException ex)
            {
                return Error($"{ex.Kind}: {ex.Message}");
            }
        };

    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}
