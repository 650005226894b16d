using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmwareMcp.Abstractions;

/// <summary>
/// Makes text that came from vCenter, ESXi or a guest (names, annotations, event and alarm messages, task
/// errors) safe to hand to an AI model as data: control, bidirectional-override and zero-width characters
/// are removed (line breaks and tabs become spaces) and each string is bounded in length.
/// </summary>
/// <remarks>
/// The host cleans every MCP tool result this way. A plugin cleans what it hands on by other paths (a
/// server-sent event stream, a webhook payload). Since 2.1.
/// </remarks>
public static class UntrustedText
{
    /// <summary>Longest string passed on; longer ones are cut and say how much was left out.</summary>
    public const int MaxLength = 2000;

    /// <summary>The text cleaned and bounded to <see cref="MaxLength"/> characters.</summary>
    /// <param name="text">Text from an endpoint or a guest.</param>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = Keep(text, i);
            if (keep == c && cleaned is null)
            {
                continue;
            }

            cleaned ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (keep is { } k)
            {
                cleaned.Append(k);
            }

            if (char.IsHighSurrogate(c) && keep is not null)
            {
                cleaned.Append(text[++i]);
            }
        }

        var result = cleaned?.ToString() ?? text;
        return result.Length <= MaxLength ? result : $"{result[..MaxLength]}… [{result.Length - MaxLength} more characters left out]";
    }

    /// <summary>What to keep of the character at <paramref name="i"/>: itself, a space, or nothing.</summary>
    private static char? Keep(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '\r' or '\t')
        {
            return ' ';
        }

        if (char.IsControl(c) || c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF' or '\u2028' or '\u2029')
        {
            return null;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? c : null;
        }

        return char.IsLowSurrogate(c) ? null : c;
    }

    /// <summary>A copy of <paramref name="node"/> with every string value (and property name) cleaned.</summary>
    /// <param name="node">JSON that may hold endpoint text.</param>
    public static JsonNode? Clean(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(Clean(p.Key), Clean(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Clean).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(Clean(v.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    /// <summary><paramref name="value"/> as JSON (the contract's naming) with every string cleaned.</summary>
    public static JsonNode? Clean<T>(T value) => Clean(JsonSerializer.SerializeToNode(value, ContractJson.Options));
}
