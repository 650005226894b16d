using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using VmwareMcp.Abstractions;

namespace VmwareMcp.Host.Errors;

/// <summary>
/// Says what is wrong with a JSON body in the caller's terms: the field, what was expected and what was
/// found. System.Text.Json's own messages name .NET types (<c>System.Nullable`1[System.Int32]</c>), which
/// mean nothing to a REST client or a model.
/// </summary>
internal static partial class JsonBodyError
{
    /// <param name="error">The deserializer's exception.</param>
    /// <param name="bodyType">The type the body was read into, when known.</param>
    /// <param name="body">The body as sent, when it is JSON at all.</param>
    public static string Describe(JsonException error, Type? bodyType, JsonNode? body)
    {
        if (MissingRequired().Match(error.Message) is { Success: true } missing)
        {
            return $"missing required field(s): {missing.Groups[1].Value.Replace("'", string.Empty, StringComparison.Ordinal)}";
        }

        var path = error.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        if (path is null || body is null)
        {
            var where = error.LineNumber is { } line ? $" at line {line + 1}, byte {error.BytePositionInLine + 1}" : string.Empty;
            return $"malformed JSON body{where}: {WithoutTypeNames(error.Message)}";
        }

        var expected = Expected(FieldType(bodyType, path));
        string found;
        try
        {
            found = Found(At(body, path));
        }
        catch (InvalidOperationException)
        {
            found = "a string that is not valid Unicode (a lone surrogate)"; // System.Text.Json refuses to decode it.
        }

        return expected is null ? $"field '{path}': {found} is not accepted here" : $"field '{path}': expected {expected}, found {found}";
    }

    private static string WithoutTypeNames(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return ConvertedTo().Replace(cut > 0 ? message[..cut] : message, "has the wrong kind of value.");
    }

    /// <summary>The .NET type of the field at a dotted JSON path, found through the contract's naming.</summary>
    private static Type? FieldType(Type? type, string path)
    {
        foreach (var name in path.Split('.'))
        {
            type = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p =>
                (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? ContractJson.Options.PropertyNamingPolicy!.ConvertName(p.Name)) == name)?.PropertyType;
        }

        return type;
    }

    private static string? Expected(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        var inner = Nullable.GetUnderlyingType(type);
        var nullable = inner is not null ? " or null" : string.Empty;
        type = inner ?? type;
        var kind = type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "an integer",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time (ISO 8601)",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.SnakeCaseUpper.ConvertName(n))),
            _ when type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "a list",
            _ => "an object",
        };
        return kind + nullable;
    }

    private static JsonNode? At(JsonNode body, string path) =>
        path.Split('.').Aggregate((JsonNode?)body, (node, name) => node is JsonObject o ? o[name] : null);

    private static string Found(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"the string \"{Bounded(v.GetValue<string>())}\"",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => $"the number {v.ToJsonString()}",
        _ => value.ToJsonString(),
    };

    private static string Bounded(string text) => Abstractions.UntrustedText.Clean(text.Length <= 40 ? text : text[..40] + "…");

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"could not be converted to \S+?\.(?= |$)")]
    private static partial Regex ConvertedTo();
}
