using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Logging is deprecated from protocol revision 2026-07-28 on, but the clients in use today (the TypeScript SDK,
// the Inspector) speak earlier revisions, declare it and set levels; while the SDK declares it, it is served.
#pragma warning disable MCP9005

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// Serves the declared <c>logging</c> capability: once a client has set a level (<c>logging/setLevel</c>,
/// kept for the session on SSE, stdio and stateful Streamable HTTP), every call to a tool that changes
/// something sends <c>notifications/message</c> when it starts and when it ends, at <c>info</c>, or at
/// <c>warning</c> when it failed; nothing below the client's level is sent.
/// </summary>
internal static class ToolMilestones
{
    private const string Logger = "vmwaremcp";

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool || !ToolPolicy.Changes(tool) || context.Server.LoggingLevel is not { } level)
            {
                return await next(context, cancellationToken);
            }

            var name = tool.ProtocolTool.Name;
            var target = context.Params?.Arguments?.TryGetValue("target", out var t) == true && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            await SendAsync(context.Server, level, LoggingLevel.Info, $"{name} started on target '{target ?? "default"}'", cancellationToken);
            var result = await next(context, cancellationToken);
            var (at, outcome) = result.IsError == true ? (LoggingLevel.Warning, "failed: " + string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text)))
                : PreviewResult.Is(result) ? (LoggingLevel.Info, "previewed; nothing was done")
                : (LoggingLevel.Info, "done");
            await SendAsync(context.Server, level, at, $"{name} {outcome}", cancellationToken);
            return result;
        };

    private static async Task SendAsync(McpServer server, LoggingLevel wanted, LoggingLevel level, string message, CancellationToken cancellationToken)
    {
        if (level < wanted)
        {
            return;
        }

        try
        {
            await server.SendNotificationAsync(
                NotificationMethods.LoggingMessageNotification,
                new LoggingMessageNotificationParams { Level = level, Logger = Logger, Data = JsonSerializer.SerializeToElement(message) },
                cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // A client that stopped listening still gets its result; the log line is not the answer.
        }
    }
}
