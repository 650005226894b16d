using Microsoft.Data.Sqlite;
using VmwareMcp.Host.State;

namespace VmwareMcp.Host.Idempotency;

/// <summary>
/// <see cref="IIdempotencyStore"/> in the embedded <see cref="StateDatabase"/>: a key is claimed by one INSERT,
/// which SQLite serialises across the processes sharing the configuration.
/// </summary>
internal sealed class SqliteIdempotencyStore(StateDatabase database, TimeProvider time) : IIdempotencyStore
{
    public async Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
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
        read.CommandText = "SELECT fingerprint, status, content_type, body, location FROM idempotency WHERE key = $key";
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
            : new IdempotencyClaim(IdempotencyState.Done, new StoredOutcome(row.GetInt32(1), row.IsDBNull(2) ? null : row.GetString(2), (byte[])row[3], row.IsDBNull(4) ? null : row.GetString(4)));
    }

    public async Task CompleteAsync(string key, StoredOutcome outcome)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE idempotency SET status = $status, content_type = $type, body = $body, location = $location WHERE key = $key";
        command.Parameters.AddWithValue("$status", outcome.Status);
        command.Parameters.AddWithValue("$type", (object?)outcome.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", outcome.Body);
        command.Parameters.AddWithValue("$location", (object?)outcome.Location ?? DBNull.Value);
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync();
    }

    public async Task ReleaseAsync(string key)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM idempotency WHERE key = $key AND status IS NULL";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync();
    }
}
