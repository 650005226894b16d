using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// The MCP side of the error boundary: a <see cref="HypervisorException"/> from any tool, the host's or a
/// plugin's, becomes a tool error whose text says what went wrong and what to do. The SDK would otherwise
/// replace its message with a generic one.
/// </summary>
internal static class ToolErrorFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            try
            {
                return await next(context, cancellationToken);
            }
            catch (HypervisorException ex)
            {
                return Error(ex);
            }
            catch (ConfirmationRequiredException ex)
            {
                return PreviewResult.For(ex.Preview);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException && ex is not ArgumentNullException)
            {
                return Error("InvalidArgument: " + (MismatchedArgument(context) ?? ex.Message));
            }
        };

    /// <summary>
    /// Binding failed: find the argument whose JSON kind does not match the tool's input schema, so the
    /// message names it (the SDK's exception only says which .NET type it could not make).
    /// </summary>
    private static string? MismatchedArgument(RequestContext<CallToolRequestParams> context)
    {
        if (context.Params?.Arguments is not { } arguments || context.MatchedPrimitive is not McpServerTool tool
            || !tool.ProtocolTool.InputSchema.TryGetProperty("properties", out var properties))
        {
            return null;
        }

        foreach (var (name, value) in arguments)
        {
            if (!properties.TryGetProperty(name, out var schema) || !schema.TryGetProperty("type", out var type))
            {
                continue;
            }

            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
            var actual = value.ValueKind switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                JsonValueKind.Null => "null",
                JsonValueKind.Array => "array",
                _ => "object",
            };
            if (!allowed.Contains(actual) && !(actual == "integer" && allowed.Contains("number")))
            {
                return $"argument '{name}' must be {string.Join(" or ", allowed.Where(a => a != "null"))}, got {actual}";
            }
        }

        return null;
    }

    /// <summary>The tool error a hypervisor failure becomes: its kind, then what went wrong and what to do.</summary>
    public static CallToolResult Error(HypervisorException exception) => Error($"{exception.Kind}: {exception.Message}");

    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}
