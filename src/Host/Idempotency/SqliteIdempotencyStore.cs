using Microsoft.Data.Sqlite;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Idempotency;

/// <summary>
/// <see cref="IIdempotencyStore"/> in an embedded SQLite database, <c>state.db</c> in <c>data_path</c>. Several
/// processes on one configuration share it safely: a key is claimed by one INSERT, which SQLite serialises
/// across processes; WAL lets readers and the writer work at once.
/// </summary>
internal sealed class SqliteIdempotencyStore : IIdempotencyStore
{
    private readonly string _connection;
    private readonly TimeProvider _time;

    public SqliteIdempotencyStore(HostSettings settings, TimeProvider time)
    {
        _time = time;
        Directory.CreateDirectory(settings.DataPath);
        _connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(settings.DataPath, "state.db"), DefaultTimeout = 10 }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS idempotency (
                key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, created INTEGER NOT NULL,
                status INTEGER, content_type TEXT, body BLOB);
            """);
    }

    public async Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        await using var claim = connection.CreateCommand();
        claim.CommandText = """
            DELETE FROM idempotency WHERE created < $expired;
            INSERT INTO idempotency (key, fingerprint, created) VALUES ($key, $fingerprint, $now) ON CONFLICT (key) DO NOTHING;
            SELECT changes();
            """;
        claim.Parameters.AddWithValue("$expired", now - (long)IIdempotencyStore.Window.TotalSeconds);
        claim.Parameters.AddWithValue("$key", key);
        claim.Parameters.AddWithValue("$fingerprint", fingerprint);
        claim.Parameters.AddWithValue("$now", now);
        if (Convert.ToInt64(await claim.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1)
        {
            return new IdempotencyClaim(IdempotencyState.Claimed);
        }

        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT fingerprint, status, content_type, body FROM idempotency WHERE key = $key";
        read.Parameters.AddWithValue("$key", key);
        await using var row = await read.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
        {
            return new IdempotencyClaim(IdempotencyState.Running); // Released in between: the other call is retrying.
        }

        if (row.GetString(0) != fingerprint)
        {
            return new IdempotencyClaim(IdempotencyState.Mismatch);
        }

        return row.IsDBNull(1)
            ? new IdempotencyClaim(IdempotencyState.Running)
            : new IdempotencyClaim(IdempotencyState.Done, new StoredOutcome(row.GetInt32(1), row.IsDBNull(2) ? null : row.GetString(2), (byte[])row[3]));
    }

    public async Task CompleteAsync(string key, StoredOutcome outcome)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE idempotency SET status = $status, content_type = $type, body = $body WHERE key = $key";
        command.Parameters.AddWithValue("$status", outcome.Status);
        command.Parameters.AddWithValue("$type", (object?)outcome.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", outcome.Body);
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync();
    }

    public async Task ReleaseAsync(string key)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM idempotency WHERE key = $key AND status IS NULL";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connection);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
