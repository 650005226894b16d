using Microsoft.Data.Sqlite;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// On first start with <c>state.db</c>, the JSON-lines audit log an older host kept (<c>audit_log</c>, by
/// default <c>audit.jsonl</c> in <c>data_path</c>) is copied into it, in order, once: <c>meta</c> remembers
/// the file, and the import runs in one write transaction, so two processes starting together import it
/// once. The file is left as it was. Lines that are not records (torn by a crash) are skipped.
/// </summary>
internal static class AuditImport
{
    /// <summary>Longest line read; anything longer is not a record a host wrote.</summary>
    private const int MaxLineBytes = 1024 * 1024;

    /// <summary>Imports <paramref name="path"/> unless it is missing or was imported; returns how many records were.</summary>
    public static int Run(SqliteConnection connection, string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        var key = "audit_import:" + System.IO.Path.GetFullPath(path);
        using var transaction = connection.BeginTransaction(deferred: false);
        using var seen = connection.CreateCommand();
        seen.Transaction = transaction;
        seen.CommandText = "SELECT count(*) FROM meta WHERE key = $key";
        seen.Parameters.AddWithValue("$key", key);
        if (Convert.ToInt64(seen.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return 0;
        }

        var imported = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            var reader = new AuditLineReader(stream, stream.Length, MaxLineBytes);
            while (reader.Next() is { } line)
            {
                if (AuditLine.TryParse(line) is { } record)
                {
                    SqliteAuditStore.Append(connection, transaction, record, AuditLine.Serialize(record));
                    imported++;
                }
            }
        }

        using var done = connection.CreateCommand();
        done.Transaction = transaction;
        done.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value)";
        done.Parameters.AddWithValue("$key", key);
        done.Parameters.AddWithValue("$value", $"{imported} records, {DateTimeOffset.UtcNow:O}");
        done.ExecuteNonQuery();
        transaction.Commit();
        return imported;
    }
}
