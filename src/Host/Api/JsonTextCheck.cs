using System.Text.Json;

namespace VmwareMcp.Host.Api;

/// <summary>
/// Finds what makes a request body unusable as JSON text before anything reads it: invalid UTF-8 (raw
/// bytes such as <c>\xff</c>, overlong forms, encoded surrogates), lone or reversed surrogates (escaped
/// <c>\ud800</c> too, which System.Text.Json accepts while parsing and refuses only when the string is read),
/// in keys and values alike, and syntax errors. Says where and what, in the caller's terms.
/// </summary>
internal static class JsonTextCheck
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>Null when every key and string of <paramref name="utf8"/> is valid text; else what is wrong.</summary>
    public static string? Problem(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String)
                {
                    try
                    {
                        _ = reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        var what = reader.TokenType == JsonTokenType.PropertyName ? "a key" : "a string value";
                        return $"{what} at byte {reader.TokenStartIndex + 1} is not valid Unicode text (invalid UTF-8, or a lone or reversed surrogate); send UTF-8 text only";
                    }
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return $"malformed JSON body at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {(cut > 0 ? message[..cut].TrimEnd(' ', '|') : message)}";
        }
    }
}
