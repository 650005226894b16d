using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Host.State;

namespace VmwareMcp.Host.Approvals;

/// <summary>
/// Held calls and their decisions in the <see cref="StateDatabase"/>, so they survive a restart and every
/// process on one configuration sees the same ones. A request lapses at its expiry; an approval is used once,
/// by the token that asked, for the call it was asked for (its fingerprint).
/// </summary>
internal sealed class ApprovalStore(StateDatabase database, TimeProvider time)
{
    private const string Columns = "id, state, rule, operation, token, target, subject, arguments, created, expires, decided_by, decided_at, reason, fingerprint";

    /// <summary>The state as callers see it: a request or approval past its expiry is <c>expired</c>.</summary>
    private const string State = "CASE WHEN state IN ('pending', 'approved') AND expires <= $now THEN 'expired' ELSE state END";

    /// <summary>The call's identity: operation, target and arguments (in the order given; a retry sends the same).</summary>
    public static string Fingerprint(string operation, string target, JsonObject arguments) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{operation}\n{target}\n{arguments.ToJsonString()}")));

    /// <summary>The pending request for this call by this token, or <paramref name="asked"/> stored as a new one (then <c>Created</c> is true).</summary>
    public async Task<(Approval Approval, bool Created)> RequestAsync(Approval asked, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction(deferred: false); // IMMEDIATE: two processes never make two requests for one call.
        var existing = await ReadAsync(connection, transaction, $"token = $token AND fingerprint = $fingerprint AND {State} = 'pending'",
            p =>
            {
                p.AddWithValue("$token", asked.Token);
                p.AddWithValue("$fingerprint", asked.Fingerprint);
            }, cancellationToken);
        if (existing.FirstOrDefault() is { } pending)
        {
            return (pending, false);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO approval ({Columns}) VALUES ($id, 'pending', $rule, $operation, $token, $target, $subject, $arguments, $created, $expires, NULL, NULL, NULL, $fingerprint)";
        insert.Parameters.AddWithValue("$id", asked.Id);
        insert.Parameters.AddWithValue("$rule", asked.Rule);
        insert.Parameters.AddWithValue("$operation", asked.Operation);
        insert.Parameters.AddWithValue("$token", asked.Token);
        insert.Parameters.AddWithValue("$target", asked.Target);
        insert.Parameters.AddWithValue("$subject", (object?)asked.Subject ?? DBNull.Value);
        insert.Parameters.AddWithValue("$arguments", asked.Arguments.ToJsonString());
        insert.Parameters.AddWithValue("$created", asked.Created.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$expires", asked.Expires.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$fingerprint", asked.Fingerprint);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (asked, true);
    }

    public async Task<Approval?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await ReadAsync(connection, null, "id = $id", p => p.AddWithValue("$id", id), cancellationToken)).FirstOrDefault();
    }

    /// <summary>Newest first, at most <paramref name="limit"/>, of one state when given.</summary>
    public async Task<IReadOnlyList<Approval>> ListAsync(string? state, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await ReadAsync(connection, null, $"($state IS NULL OR {State} = lower($state)) ORDER BY created DESC LIMIT $limit", p =>
        {
            p.AddWithValue("$state", (object?)state ?? DBNull.Value);
            p.AddWithValue("$limit", limit);
        }, cancellationToken);
    }

    /// <summary>Sets state from <paramref name="from"/> to <paramref name="to"/> if it still is; false when another call changed it first.</summary>
    public async Task<bool> MoveAsync(Approval approval, string from, string to, Approval decided, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE approval SET state = $to, decided_by = $by, decided_at = $at, reason = $reason, expires = $expires WHERE id = $id AND state = $from";
        update.Parameters.AddWithValue("$to", to);
        update.Parameters.AddWithValue("$from", from);
        update.Parameters.AddWithValue("$by", (object?)decided.DecidedBy ?? DBNull.Value);
        update.Parameters.AddWithValue("$at", (object?)decided.DecidedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        update.Parameters.AddWithValue("$reason", (object?)decided.Reason ?? DBNull.Value);
        update.Parameters.AddWithValue("$expires", decided.Expires.ToUnixTimeMilliseconds());
        update.Parameters.AddWithValue("$id", approval.Id);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<List<Approval>> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {State}, {Columns} FROM approval WHERE {where}";
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        bind(command.Parameters);
        var found = new List<Approval>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            found.Add(new Approval
            {
                State = rows.GetString(0),
                Id = rows.GetString(1),
                Rule = rows.GetString(3),
                Operation = rows.GetString(4),
                Token = rows.GetString(5),
                Target = rows.GetString(6),
                Subject = rows.IsDBNull(7) ? null : rows.GetString(7),
                Arguments = JsonNode.Parse(rows.GetString(8)) as JsonObject ?? [],
                Created = DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(9)),
                Expires = DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(10)),
                DecidedBy = rows.IsDBNull(11) ? null : rows.GetString(11),
                DecidedAt = rows.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(12)),
                Reason = rows.IsDBNull(13) ? null : rows.GetString(13),
                Fingerprint = rows.GetString(14),
            });
        }

        return found;
    }
}
