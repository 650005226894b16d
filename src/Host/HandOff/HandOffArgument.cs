using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions;
using VmwareMcp.Host.Mcp;

namespace VmwareMcp.Host.HandOff;

/// <summary>
/// Readies every changing tool, whoever contributes it, for <c>wait: false</c>: the argument joins its input
/// schema, and its output schema becomes "its result, or a task handle" (after any preview widening).
/// </summary>
internal static class HandOffArgument
{
    public const string Name = "wait";

    private static readonly JsonNode HandleSchema = JsonSchemaExporter.GetJsonSchemaAsNode(ContractJson.Options, typeof(TaskHandle));

    public static McpServerTool Declare(McpServerTool tool)
    {
        var protocol = tool.ProtocolTool;
        if (!ToolPolicy.Changes(tool) || JsonNode.Parse(protocol.InputSchema.GetRawText()) is not JsonObject input)
        {
            return tool;
        }

        if (input["properties"] is not JsonObject properties)
        {
            input["properties"] = properties = [];
        }

        var added = properties.TryAdd(Name, new JsonObject
        {
            ["type"] = "boolean",
            ["default"] = true,
            ["description"] = "false: answer at once with the vSphere task ('task_id') and let the change run on; follow it with get_task, which shows the result once it ended. Default true: wait for the end.",
        });
        if (!added)
        {
            return tool; // Declared already, or the tool has a 'wait' of its own.
        }

        protocol.InputSchema = JsonSerializer.SerializeToElement(input);

        if (protocol.OutputSchema is { } output && JsonNode.Parse(output.GetRawText()) is JsonObject schema)
        {
            if (schema["anyOf"] is JsonArray choices)
            {
                choices.Add(HandleSchema.DeepClone());
            }
            else
            {
                schema = new JsonObject { ["type"] = "object", ["anyOf"] = new JsonArray(schema, HandleSchema.DeepClone()) };
            }

            protocol.OutputSchema = JsonSerializer.SerializeToElement(schema);
        }

        return tool;
    }
}
