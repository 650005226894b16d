using System.Text.Json;

namespace VmwareMcp.Host.Api;

/// <summary>The JSON-RPC shape an MCP <c>tools/call</c> must have before the SDK binds it.</summary>
internal static class McpMessageShape
{
    /// <summary>Null when the message (or each message of a batch) is a well-formed request or notification.</summary>
    public static string? Problem(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray().Select(Check).FirstOrDefault(p => p is not null)
            : Check(root);
    }

    /// <summary>The request's id (null when absent or unreadable) and whether the text parsed at all.</summary>
    public static (JsonElement? Id, bool Parsed) Id(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
                && JsonTextCheck.Problem(System.Text.Encoding.UTF8.GetBytes(id.GetRawText())) is null
                ? (id.Clone(), true)
                : (null, true);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    private static string? Check(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return $"a JSON-RPC message must be an object, got {Kind(message)}";
        }

        if (!message.TryGetProperty("method", out var method))
        {
            return null; // A response to a server request; the SDK reads those.
        }

        if (method.ValueKind != JsonValueKind.String)
        {
            return $"'method' must be a string, got {Kind(method)}";
        }

        var hasParams = message.TryGetProperty("params", out var parameters);
        if (hasParams && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return $"'params' must be an object, got {Kind(parameters)}";
        }

        if (method.ValueEquals("tools/call"))
        {
            if (!hasParams || parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("name", out var name))
            {
                return "tools/call needs 'params.name', the tool to call";
            }

            if (name.ValueKind != JsonValueKind.String)
            {
                return $"'params.name' must be a string (the tool's name), got {Kind(name)}";
            }

            if (parameters.TryGetProperty("arguments", out var arguments) && arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                return $"'params.arguments' must be an object of named arguments, got {Kind(arguments)}";
            }
        }

        return null;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
