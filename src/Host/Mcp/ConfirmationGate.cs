using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Policy;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// The confirmation part of the MCP boundary, for every tool that declares itself destructive, whoever
/// contributes it: without <c>confirm: true</c> the tool does not run; the person is asked through
/// elicitation where the session allows it, else the answer is a preview: the tool's declared
/// <see cref="IActionPreview"/> (read fresh from the estate) or, without one, the call's arguments.
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
                async () => Policies.PolicyVerdict.Annotate(await PreviewAsync(tool, arguments, context.Services, cancellationToken), Approvals.ApprovalGate.Verdict.Value),
                () => next(context, cancellationToken).AsTask(),
                cancellationToken);
        };

    private static async Task<ActionPreview?> PreviewAsync(McpServerTool tool, IDictionary<string, JsonElement>? arguments, IServiceProvider? services, CancellationToken cancellationToken)
    {
        var policy = ToolPolicy.Of(tool);
        var sent = (arguments ?? new Dictionary<string, JsonElement>()).Where(a => a.Key != "confirm").ToDictionary();
        if (policy.Preview is { } type && services is not null)
        {
            var previewer = (IActionPreview)ActivatorUtilities.CreateInstance(services, type);
            return await previewer.PreviewAsync(tool.ProtocolTool.Name, sent, cancellationToken);
        }

        var target = ToolPolicy.Argument(arguments, policy.Target) ?? "the only target";
        var title = tool.ProtocolTool.Title ?? tool.ProtocolTool.Name;
        return new ActionPreview
        {
            Action = tool.ProtocolTool.Name,
            Target = target,
            Vm = policy.SubjectKind == "vm" ? ToolPolicy.Argument(arguments, policy.Subject) : null,
            Would = $"Would run {tool.ProtocolTool.Name} ({title}) on {target} with {JsonSerializer.Serialize(sent)}: {tool.ProtocolTool.Description}",
        };
    }
}
