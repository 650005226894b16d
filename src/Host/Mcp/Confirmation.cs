using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

using VmwareMcp.Abstractions.Policy;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// Makes destructive MCP calls deliberate: act when the caller passed <c>confirm: true</c>; else ask the
/// person through MCP elicitation when the client supports it; else answer with the preview and act on nothing.
/// </summary>
internal static class Confirmation
{
    /// <summary>Acts when confirmed or when the preview says the call needs no confirmation (null); else asks or previews.</summary>
    /// <exception cref="ConfirmationRequiredException">Not confirmed: the preview is the answer.</exception>
    public static async Task<T> RunAsync<T>(bool confirmed, McpServer? server, Func<Task<ActionPreview?>> preview, Func<Task<T>> act, CancellationToken cancellationToken)
    {
        if (confirmed || await preview() is not { } shown)
        {
            return await act();
        }

        if (server?.ClientCapabilities?.Elicitation is not null && await AskAsync(server, shown, cancellationToken) is { } answer)
        {
            return answer ? await act() : throw new ConfirmationRequiredException(shown with { Would = "Declined by the user: " + shown.Would });
        }

        throw new ConfirmationRequiredException(shown);
    }

    /// <summary>True or false as the person answered; null when the question could not be asked (a stateless request).</summary>
    private static async Task<bool?> AskAsync(McpServer server, ActionPreview preview, CancellationToken cancellationToken)
    {
        try
        {
            var result = await server.ElicitAsync(new ElicitRequestParams
            {
                Message = preview.Would + " Proceed?",
                RequestedSchema = new ElicitRequestParams.RequestSchema
                {
                    Properties = { ["confirm"] = new ElicitRequestParams.BooleanSchema { Description = "true to go ahead" } },
                    Required = ["confirm"],
                },
            }, cancellationToken);
            return result.IsAccepted && result.Content?.TryGetValue("confirm", out var value) == true && value.ValueKind == JsonValueKind.True;
        }
        catch (Exception ex) when (ex is InvalidOperationException or McpException)
        {
            return null;
        }
    }
}

/// <summary>An MCP call to a destructive tool without <c>confirm: true</c>: the preview is the answer.</summary>
internal sealed class ConfirmationRequiredException(ActionPreview preview) : Exception(preview.Would)
{
    public ActionPreview Preview { get; } = preview;
}
