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
        var structured = JsonSerializer.SerializeToElement(new ActionPreview { Action = preview.Action, Target = preview.Target, Vm = preview.Vm, Would = preview.Would, Host = preview.Host, Proceed = Proceed }, ContractJson.Options);
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
        var protocol = tool.ProtocolTool;
        if (!ToolPolicy.Of(tool).Destructive)
        {
            return tool;
        }

        if (ToolPolicy.NeedsConfirmation(tool) && JsonNode.Parse(protocol.InputSchema.GetRawText()) is JsonObject input)
        {
            if (input["properties"] is not JsonObject properties)
            {
                input["properties"] = properties = [];
            }

            properties.TryAdd("confirm", new JsonObject
            {
                ["type"] = "boolean",
                ["default"] = false,
                ["description"] = "Must be true to act; without it the tool only says what it would do (or asks the user, where the client can).",
            });
            protocol.InputSchema = JsonSerializer.SerializeToElement(input);
        }

        if (protocol.OutputSchema is not { } output || output.TryGetProperty("anyOf", out _))
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
