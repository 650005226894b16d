using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Host.FrontDoor;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// The confirmation part of the MCP boundary for every tool that declares itself destructive and does not
/// confirm on its own (a plugin's): without <c>confirm: true</c> the tool does not run; the person is asked
/// through elicitation where the session allows it, else the answer is a preview of the call.
/// </summary>
internal static class ConfirmationGate
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool || !ToolPolicy.NeedsConfirmation(tool))
            {
                return await next(context, cancellationToken);
            }

            var arguments = context.Params?.Arguments;
            var confirmed = arguments?.TryGetValue("confirm", out var confirm) == true && confirm.ValueKind == JsonValueKind.True;
            return await Confirmation.RunAsync(confirmed, context.Server,
                () => Task.FromResult(Preview(tool, arguments)),
                () => next(context, cancellationToken).AsTask(),
                cancellationToken);
        };

    private static ActionPreview Preview(McpServerTool tool, IDictionary<string, JsonElement>? arguments)
    {
        var policy = ToolPolicy.Of(tool);
        var shown = JsonSerializer.Serialize((arguments ?? new Dictionary<string, JsonElement>()).Where(a => a.Key != "confirm").ToDictionary());
        var target = ToolPolicy.Argument(arguments, policy.Target) ?? "the only target";
        var title = tool.ProtocolTool.Title ?? tool.ProtocolTool.Name;
        return new ActionPreview(true, tool.ProtocolTool.Name, target, policy.SubjectKind == "vm" ? ToolPolicy.Argument(arguments, policy.Subject) : null,
            $"Would run {tool.ProtocolTool.Name} ({title}) on {target} with {shown}: {tool.ProtocolTool.Description}");
    }
}
