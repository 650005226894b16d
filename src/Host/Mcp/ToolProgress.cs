using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// Progress notifications for the tool call in flight, sent in order and flushed before the result.
/// </summary>
/// <remarks>
/// The SDK's injected <c>IProgress</c> sends fire-and-forget, so on Streamable HTTP the last notification
/// can lose the race with the response and never reach the client. The call-tool filter opens a scope
/// when the client asked for progress; tools report through <see cref="For"/>.
/// </remarks>
internal sealed class ToolProgress(McpServer server, ProgressToken token)
{
    private static readonly AsyncLocal<ToolProgress?> Current = new();
    private readonly Lock _gate = new();
    private Task _sent = Task.CompletedTask;

    /// <summary>A reporter for the current call, or null when the client asked for no progress.</summary>
    public static IProgress<int>? For(string what) => Current.Value is { } scope ? new Reporter(scope, what) : null;

    public static async ValueTask<CallToolResult> RunAsync(RequestContext<CallToolRequestParams> context, McpRequestHandler<CallToolRequestParams, CallToolResult> next, CancellationToken cancellationToken)
    {
        if (context.Params?.ProgressToken is not { } token)
        {
            return await next(context, cancellationToken);
        }

        var scope = new ToolProgress(context.Server, token);
        Current.Value = scope;
        // A first notice right away: a short task may end before it reports any percentage, and clients drop
        // notifications still queued when the result arrives, so only an early one is sure to be seen.
        scope.Send(new ProgressNotificationValue { Progress = 0, Total = 100, Message = $"{context.Params.Name}: started" });
        try
        {
            var result = await next(context, cancellationToken);
            await scope.FlushAsync();
            return result;
        }
        finally
        {
            Current.Value = null;
        }
    }

    private void Send(ProgressNotificationValue value)
    {
        lock (_gate)
        {
            _sent = _sent.ContinueWith(_ => server.NotifyProgressAsync(token, value), TaskScheduler.Default).Unwrap();
        }
    }

    private async Task FlushAsync()
    {
        Task sent;
        lock (_gate)
        {
            sent = _sent;
        }

        try
        {
            await sent.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // A client that stopped listening for progress (or a call handed off, whose request ended) still gets its result.
        }
    }

    private sealed class Reporter(ToolProgress scope, string what) : IProgress<int>
    {
        public void Report(int value) =>
            scope.Send(new ProgressNotificationValue { Progress = value, Total = 100, Message = $"{what}: {value}%" });
    }
}
