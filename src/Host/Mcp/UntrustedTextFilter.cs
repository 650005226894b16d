using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// Every tool result reaches the client with its endpoint-sourced text cleaned (see <see cref="UntrustedText"/>):
/// structured output is cleaned value by value and its text rendering rebuilt from it, so names and messages
/// only ever travel as JSON data; error texts are cleaned as a whole.
/// </summary>
internal static class UntrustedTextFilter
{
    // The text rendering is read by models and people: apostrophes and accents stay as they are, not \u0027.
    // It is never embedded in HTML, which is what the default escaping guards against.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            if (result.StructuredContent is { } structured)
            {
                var cleaned = UntrustedText.Clean(JsonSerializer.SerializeToNode(structured));
                result.StructuredContent = JsonSerializer.SerializeToElement(cleaned);
                result.Content = [new TextContentBlock { Text = cleaned?.ToJsonString(Readable) ?? "null" }];
            }
            else
            {
                result.Content = result.Content
                    .Select(block => block is TextContentBlock text ? new TextContentBlock { Text = UntrustedText.Clean(text.Text) } : block)
                    .ToList();
            }

            return result;
        };
}
