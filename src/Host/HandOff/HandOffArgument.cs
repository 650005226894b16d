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
        if (ToolPolicy.Changes(tool) && ToolSchemaEdit.AddArgument(tool, Name, new JsonObject
        {
            ["type"] = "boolean",
            ["default"] = true,
            ["description"] = "false: answer at once with the vSphere task ('task_id') and let the change run on; follow it with get_task, which shows the result once it ended. Default true: wait for the end.",
        }))
        {
            ToolSchemaEdit.AddAnswer(tool, HandleSchema);
        }

        return tool;
    }
}
