using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace VmwareMcp.Tests.Mcp;

/// <summary>Calls tools with a real MCP client and reads their structured results.</summary>
public static class McpCalls
{
    public static async Task<T> CallAsync<T>(this McpClient client, string tool, object? arguments = null, IProgress<ProgressNotificationValue>? progress = null)
    {
        var result = await client.CallToolAsync(tool, ToDictionary(arguments), progress);
        Assert.True(result.IsError != true, $"{tool} failed: {Text(result)}");
        var json = JsonSerializer.Serialize(result.StructuredContent);
        using var document = JsonDocument.Parse(json);
        // Structured output wraps a non-object result (a list) as {"result": [...]}.
        var element = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("result", out var wrapped) && typeof(T) != typeof(JsonElement)
            && (wrapped.ValueKind == JsonValueKind.Array)
            ? wrapped
            : document.RootElement;
        return element.Deserialize<T>(Json.Options)!;
    }

    public static async Task<string> CallExpectingErrorAsync(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallToolAsync(tool, ToDictionary(arguments));
        Assert.True(result.IsError == true, $"{tool} was expected to fail but returned {JsonSerializer.Serialize(result.StructuredContent)}");
        return Text(result);
    }

    /// <summary>
    /// Calls a destructive tool without confirmation: the answer is a normal result (not a tool error) whose
    /// structured content is the preview. Returns its 'would' sentence followed by its 'proceed' hint.
    /// </summary>
    public static async Task<string> PreviewAsync(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallToolAsync(tool, ToDictionary(arguments));
        Assert.True(result.IsError != true, $"{tool} was expected to preview but failed: {Text(result)}");
        var preview = Assert.IsType<JsonElement>(result.StructuredContent);
        Assert.True(preview.GetProperty("dry_run").GetBoolean(), $"{tool} answered without dry_run: {preview}");
        return preview.GetProperty("would").GetString() + " " + preview.GetProperty("proceed").GetString();
    }

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    private static Dictionary<string, object?>? ToDictionary(object? arguments) =>
        arguments is null ? null : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments));

    /// <summary>Records progress notifications as they arrive (synchronously, so none is lost to a late callback).</summary>
    public sealed class ProgressLog : IProgress<ProgressNotificationValue>
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<ProgressNotificationValue> Values { get; } = new();

        /// <summary>
        /// Completes when the first notification is dispatched. The SDK client dispatches notifications
        /// asynchronously and drops those still queued when the result arrives, so only the early ones are certain.
        /// </summary>
        public Task FirstArrived => _first.Task;

        public void Report(ProgressNotificationValue value)
        {
            Values.Enqueue(value);
            _first.TrySetResult();
        }
    }
}
