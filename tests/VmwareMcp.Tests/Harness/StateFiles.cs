using Microsoft.Data.Sqlite;

namespace VmwareMcp.Tests.Harness;

/// <summary>
/// Reads a host's <c>state.db</c> the way an operator's <c>sqlite3</c> would, independently of the host:
/// what the audit log holds is checked here, not by asking the host.
/// </summary>
public static class StateFiles
{
    /// <summary>Every audit record in <paramref name="dataPath"/>'s state.db, as written, oldest first.</summary>
    public static async Task<List<string>> AuditRecordsAsync(string dataPath)
    {
        await using var connection = await OpenAsync(dataPath, SqliteOpenMode.ReadOnly);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM audit ORDER BY seq";
        var records = new List<string>();
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            records.Add(rows.GetString(0));
        }

        return records;
    }

    /// <summary>Whether any audit record contains <paramref name="text"/>.</summary>
    public static async Task<bool> AuditContainsAsync(string dataPath, string text) =>
        (await AuditRecordsAsync(dataPath)).Any(r => r.Contains(text, StringComparison.Ordinal));

    /// <summary>Makes every audit write fail (a trigger that aborts each insert) until disposed.</summary>
    public static async Task<IAsyncDisposable> BreakAuditAsync(string dataPath)
    {
        var connection = await OpenAsync(dataPath, SqliteOpenMode.ReadWrite);
        await ExecuteAsync(connection, "CREATE TRIGGER audit_broken_by_test BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk I/O error (a test broke the audit log)'); END;");
        return new Repair(connection);
    }

    /// <summary>Moves an approval request's expiry into the past, as the passing of its window would.</summary>
    public static async Task ExpireApprovalAsync(string dataPath, string id)
    {
        await using var connection = await OpenAsync(dataPath, SqliteOpenMode.ReadWrite);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE approval SET expires = 0 WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>The database's bytes on disk, its write-ahead log included.</summary>
    public static async Task<byte[]> RawBytesAsync(string dataPath)
    {
        var database = Path.Combine(dataPath, "state.db");
        var bytes = new List<byte>(await ReadSharedAsync(database));
        if (File.Exists(database + "-wal"))
        {
            bytes.AddRange(await ReadSharedAsync(database + "-wal"));
        }

        return [.. bytes];
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<SqliteConnection> OpenAsync(string dataPath, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataPath, "state.db"), Mode = mode, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Repair(SqliteConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await ExecuteAsync(connection, "DROP TRIGGER audit_broken_by_test");
            await connection.DisposeAsync();
        }
    }
}
