using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Server;

namespace VmwareMcp.Host.Mcp;

/// <summary>The two edits the host makes to a tool's declared schemas: an argument of the boundary's, and another shape its answer may take.</summary>
internal static class ToolSchemaEdit
{
    /// <summary>Adds <paramref name="name"/> to the input schema; false (and nothing changed) when the tool already has it.</summary>
    public static bool AddArgument(McpServerTool tool, string name, JsonObject schema)
    {
        if (JsonNode.Parse(tool.ProtocolTool.InputSchema.GetRawText()) is not JsonObject input)
        {
            return false;
        }

        if (input["properties"] is not JsonObject properties)
        {
            input["properties"] = properties = [];
        }

        if (!properties.TryAdd(name, schema))
        {
            return false;
        }

        tool.ProtocolTool.InputSchema = JsonSerializer.SerializeToElement(input);
        return true;
    }

    /// <summary>Widens the output schema, if the tool declares one, to "what it was, or <paramref name="alternative"/>" (once).</summary>
    public static void AddAnswer(McpServerTool tool, JsonNode alternative)
    {
        if (tool.ProtocolTool.OutputSchema is not { } output || JsonNode.Parse(output.GetRawText()) is not JsonObject schema)
        {
            return;
        }

        if (schema["anyOf"] is JsonArray choices)
        {
            if (choices.Any(c => JsonNode.DeepEquals(c, alternative)))
            {
                return;
            }

            choices.Add(alternative.DeepClone());
        }
        else
        {
            schema = new JsonObject { ["type"] = "object", ["anyOf"] = new JsonArray(schema, alternative.DeepClone()) };
        }

        tool.ProtocolTool.OutputSchema = JsonSerializer.SerializeToElement(schema);
    }
}
