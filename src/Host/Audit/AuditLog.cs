using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmwareMcp.Abstractions;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// Appends <see cref="AuditRecord"/>s as JSON lines to <c>audit_log</c>, flushed to disk before the caller
/// answers, and reads them back with filters.
/// </summary>
internal sealed class AuditLog(HostSettings settings) : IDisposable
{
    private static readonly string[] SecretWords = ["password", "secret", "token", "credential", "key"];
    private readonly Lock _gate = new();
    private FileStream? _file;

    public string Path => settings.AuditLog;

    public void Write(AuditRecord record)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(record with { Arguments = Redact(record.Arguments?.DeepClone()) }, ContractJson.Options);
        lock (_gate)
        {
            _file ??= Open();
            _file.Write(line);
            _file.WriteByte((byte)'\n');
            _file.Flush(flushToDisk: true);
        }
    }

    /// <summary>The newest records first, filtered, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var records = new List<AuditRecord>();
        await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0 && JsonSerializer.Deserialize<AuditRecord>(line, ContractJson.Options) is { } record && query.Matches(record))
            {
                records.Add(record);
            }
        }

        return records.AsEnumerable().Reverse().Take(query.Limit).ToList();
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

    private FileStream Open()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        return new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
    }

    public void Dispose() => _file?.Dispose();
}
