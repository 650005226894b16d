using System.Text.Json.Nodes;
using ModelContextProtocol.Server;
using VmwareMcp.Host.Mcp;

namespace VmwareMcp.Host.Idempotency;

/// <summary>Adds <c>request_id</c> to the input schema of every tool that changes something, whoever contributes it.</summary>
internal static class RequestIdArgument
{
    public static McpServerTool Declare(McpServerTool tool)
    {
        if (ToolPolicy.Changes(tool))
        {
            ToolSchemaEdit.AddArgument(tool, McpIdempotencyFilter.Argument, new JsonObject
            {
                ["type"] = "string",
                ["maxLength"] = IdempotencyKey.MaxLength,
                ["description"] = "Your id for this request (a UUID, say). Calling again with the same id within 24 hours returns the first call's result instead of acting twice: retry with it after a timeout.",
            });
        }

        return tool;
    }
}
