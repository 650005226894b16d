using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using VmwareMcp.Host.State;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// The audit log in <c>state.db</c>: one row per record, appended in one transaction that also marks the
/// change's earlier record superseded, so a read finds each change once, as it ended. Written with
/// <c>synchronous = FULL</c>: on disk before the caller is answered, surviving a kill and a power loss.
/// SQLite serialises the writers of every process on one configuration. When <c>audit_log</c> names a
/// file, each record is appended there too, as a JSON line for log shippers.
/// </summary>
internal sealed class SqliteAuditStore(StateDatabase database, AuditFileMirror? mirror) : IAuditStore, IDisposable
{
    public async Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var line = AuditLine.Serialize(record);
        try
        {
            await using var connection = database.Open();
            Insert(connection, record, line);
        }
        catch (SqliteException ex)
        {
            throw new AuditUnavailableException(database.Path, ex);
        }

        mirror?.Write(line);
    }

    /// <summary>Appends one record in its own durable write transaction.</summary>
    public static void Insert(SqliteConnection connection, AuditRecord record, byte[] line)
    {
        using (var durable = connection.CreateCommand())
        {
            durable.CommandText = "PRAGMA synchronous = FULL";
            durable.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: false); // IMMEDIATE: the write lock at once, no upgrade deadlock.
        Append(connection, transaction, record, line);
        transaction.Commit();
    }

    /// <summary>Appends one record inside <paramref name="transaction"/>, superseding the change's earlier one.</summary>
    public static void Append(SqliteConnection connection, SqliteTransaction transaction, AuditRecord record, byte[] line)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE audit SET superseded = 1 WHERE change = $change AND superseded = 0;
            INSERT INTO audit (change, time, token, target, vm, outcome, record) VALUES ($change, $time, $token, $target, $vm, $outcome, $record);
            """;
        command.Parameters.AddWithValue("$change", record.Id ?? Guid.NewGuid().ToString("N"));
        command.Parameters.AddWithValue("$time", record.Time.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$token", record.Token);
        command.Parameters.AddWithValue("$target", (object?)record.Target ?? DBNull.Value);
        command.Parameters.AddWithValue("$vm", (object?)record.Vm ?? DBNull.Value);
        command.Parameters.AddWithValue("$outcome", record.Outcome);
        command.Parameters.AddWithValue("$record", System.Text.Encoding.UTF8.GetString(line.AsSpan(0, line.Length - 1)));
        command.ExecuteNonQuery();
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT record FROM audit WHERE superseded = 0
                AND ($token IS NULL OR token = $token COLLATE NOCASE)
                AND ($target IS NULL OR target = $target COLLATE NOCASE)
                AND ($vm IS NULL OR vm = $vm)
                AND ($outcome IS NULL OR outcome = $outcome COLLATE NOCASE)
                AND ($since IS NULL OR time >= $since)
            ORDER BY seq DESC LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$token", (object?)query.Token ?? DBNull.Value);
        command.Parameters.AddWithValue("$target", (object?)query.Target ?? DBNull.Value);
        command.Parameters.AddWithValue("$vm", (object?)query.Vm ?? DBNull.Value);
        command.Parameters.AddWithValue("$outcome", (object?)query.Outcome ?? DBNull.Value);
        command.Parameters.AddWithValue("$since", (object?)query.Since?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.Parameters.AddWithValue("$offset", query.Offset);
        var records = new List<AuditRecord>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            if (AuditLine.TryParse(System.Text.Encoding.UTF8.GetBytes(rows.GetString(0))) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    public async Task<AuditRecord?> FindAsync(string changeId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM audit WHERE change = $change AND superseded = 0";
        command.Parameters.AddWithValue("$change", changeId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? AuditLine.TryParse(System.Text.Encoding.UTF8.GetBytes(json)) : null;
    }

    public async IAsyncEnumerable<string> ExportAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM audit WHERE $since IS NULL OR time >= $since ORDER BY seq";
        command.Parameters.AddWithValue("$since", (object?)since?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            yield return rows.GetString(0);
        }
    }

    public void Dispose() => mirror?.Dispose();
}
