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
    private const string Columns = "id, state, rule, operation, token, target, subject, arguments, created, expires, decided_by, decided_at, reason";

    /// <summary>The call's identity: operation, target and arguments (in the order given; a retry sends the same).</summary>
    public static string Fingerprint(string operation, string target, JsonObject arguments) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{operation}\n{target}\n{arguments.ToJsonString()}")));

    /// <summary>The pending request for this call by this token, or a new one (then <c>Created</c> is true).</summary>
    public async Task<(Approval Approval, bool Created)> RequestAsync(Approval asked, string fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction(deferred: false); // IMMEDIATE: two processes never make two requests for one call.
        var now = time.GetUtcNow();
        var existing = await ReadAsync(connection, transaction, "token = $token AND fingerprint = $fingerprint AND state = 'pending' AND expires > $now",
            p =>
            {
                p.AddWithValue("$token", asked.Token);
                p.AddWithValue("$fingerprint", fingerprint);
                p.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            }, cancellationToken);
        if (existing.FirstOrDefault() is { } pending)
        {
            return (pending, false);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO approval ({Columns}, fingerprint) VALUES ($id, 'pending', $rule, $operation, $token, $target, $subject, $arguments, $created, $expires, NULL, NULL, NULL, $fingerprint)";
        insert.Parameters.AddWithValue("$id", asked.Id);
        insert.Parameters.AddWithValue("$rule", asked.Rule);
        insert.Parameters.AddWithValue("$operation", asked.Operation);
        insert.Parameters.AddWithValue("$token", asked.Token);
        insert.Parameters.AddWithValue("$target", asked.Target);
        insert.Parameters.AddWithValue("$subject", (object?)asked.Subject ?? DBNull.Value);
        insert.Parameters.AddWithValue("$arguments", asked.Arguments.ToJsonString());
        insert.Parameters.AddWithValue("$created", asked.Created.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$expires", asked.Expires.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$fingerprint", fingerprint);
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
        var all = await ReadAsync(connection, null, "1 = 1 ORDER BY created DESC", _ => { }, cancellationToken);
        return all.Where(a => state is null || string.Equals(a.State, state, StringComparison.OrdinalIgnoreCase)).Take(limit).ToList();
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

    /// <summary>The call's fingerprint, to check a call made with an approval is the one approved.</summary>
    public async Task<string?> FingerprintOfAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT fingerprint FROM approval WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task<List<Approval>> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM approval WHERE {where}";
        bind(command.Parameters);
        var now = time.GetUtcNow();
        var found = new List<Approval>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            var expires = DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(9));
            var state = rows.GetString(1);
            found.Add(new Approval
            {
                Id = rows.GetString(0),
                State = state is "pending" or "approved" && expires <= now ? "expired" : state,
                Rule = rows.GetString(2),
                Operation = rows.GetString(3),
                Token = rows.GetString(4),
                Target = rows.GetString(5),
                Subject = rows.IsDBNull(6) ? null : rows.GetString(6),
                Arguments = JsonNode.Parse(rows.GetString(7)) as JsonObject ?? [],
                Created = DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(8)),
                Expires = expires,
                DecidedBy = rows.IsDBNull(10) ? null : rows.GetString(10),
                DecidedAt = rows.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(11)),
                Reason = rows.IsDBNull(12) ? null : rows.GetString(12),
            });
        }

        return found;
    }
}
