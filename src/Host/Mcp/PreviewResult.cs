using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Policy;

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

    /// <summary>
    /// Readies a destructive tool for the confirmation flow: a tool the boundary confirms for gets the
    /// <c>confirm</c> argument in its input schema, and the output schema of any destructive tool is widened
    /// to "its result or a preview". Other tools are left alone.
    /// </summary>
    public static McpServerTool Declare(McpServerTool tool)
    {
        if (!ToolPolicy.Of(tool).Destructive)
        {
            return tool;
        }

        ToolSchemaEdit.AddArgument(tool, "confirm", new JsonObject
        {
            ["type"] = "boolean",
            ["default"] = false,
            ["description"] = "Must be true to act; without it the tool only says what it would do (or asks the user, where the client can).",
        });
        ToolSchemaEdit.AddAnswer(tool, PreviewSchema);
        return tool;
    }
}
