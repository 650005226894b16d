using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions;
using VmwareMcp.Host.FrontDoor;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// A destructive tool called without <c>confirm: true</c> answers with a preview: a normal result (not a
/// tool error, which clients such as the MCP Inspector treat as a failure) whose structured content is an
/// <see cref="ActionPreview"/>. The tool's declared output schema is widened once, when the tool is
/// registered, to "its result or a preview", so clients that validate structured content accept both.
/// </summary>
internal static class PreviewResult
{
    private const string Proceed = "Nothing was done. Call again with confirm=true to do it.";

    private static readonly JsonNode PreviewSchema = JsonSchemaExporter.GetJsonSchemaAsNode(ContractJson.Options, typeof(ActionPreview));

    public static CallToolResult For(ActionPreview preview)
    {
        var structured = JsonSerializer.SerializeToElement(preview with { Proceed = Proceed }, ContractJson.Options);
        return new CallToolResult
        {
            StructuredContent = structured,
            Content = [new TextContentBlock { Text = structured.GetRawText() }],
        };
    }

    /// <summary>Whether <paramref name="result"/> is a preview (nothing was done).</summary>
    public static bool Is(CallToolResult result) =>
        result.IsError != true && result.StructuredContent is { ValueKind: JsonValueKind.Object } structured
        && structured.TryGetProperty("dry_run", out var dryRun) && dryRun.ValueKind == JsonValueKind.True;

    /// <summary>Widens the output schema of a tool that can answer with a preview; others are left alone.</summary>
    public static McpServerTool Declare(McpServerTool tool)
    {
        var protocol = tool.ProtocolTool;
        if (protocol.Annotations?.DestructiveHint != true || protocol.OutputSchema is not { } output
            || !protocol.InputSchema.TryGetProperty("properties", out var inputs) || !inputs.TryGetProperty("confirm", out _)
            || output.TryGetProperty("anyOf", out _))
        {
            return tool;
        }

        var widened = new JsonObject
        {
            ["type"] = "object",
            ["anyOf"] = new JsonArray(JsonNode.Parse(output.GetRawText()), PreviewSchema.DeepClone()),
        };
        protocol.OutputSchema = JsonSerializer.SerializeToElement(widened);
        return tool;
    }
}
