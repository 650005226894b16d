using System.Text.Json;
using System.Text.Json.Nodes;
using VmwareMcp.Abstractions;

namespace VmwareMcp.Host.Audit;

/// <summary>One audit record as one line of the file: secrets removed on the way in, bad lines skipped on the way out.</summary>
internal static class AuditLine
{
    private static readonly string[] SecretWords = ["password", "secret", "token", "credential", "key"];

    public static byte[] Serialize(AuditRecord record)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(record with { Arguments = Redact(record.Arguments?.DeepClone()) }, ContractJson.Options);
        Array.Resize(ref line, line.Length + 1);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>The record, or null for a line that is not one (torn by a crash, or not written by this host).</summary>
    public static AuditRecord? TryParse(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AuditRecord>(line, ContractJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Removes values whose names look secret, at any depth.</summary>
    public static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)))
                    {
                        obj[name] = "***";
                    }
                    else
                    {
                        Redact(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Redact(item);
                }

                break;
        }

        return node;
    }
}
