using System.Text.Json;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Host.State;

namespace VmwareMcp.Host.HandOff;

/// <summary>The answers of handed-off changes, by target and task, in the <see cref="StateDatabase"/> for 24 hours.</summary>
internal sealed class TaskOutcomeStore(StateDatabase database, TimeProvider time) : ITaskOutcomes
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(24);

    public async Task<JsonElement?> FindAsync(string target, string taskId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT result FROM task_outcome WHERE target = $target AND task = $task AND created >= $kept";
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$task", taskId);
        command.Parameters.AddWithValue("$kept", time.GetUtcNow().ToUnixTimeSeconds() - (long)Kept.TotalSeconds);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonDocument.Parse(json).RootElement.Clone() : null;
    }

    /// <summary>Keeps the answer of the change that started <paramref name="taskId"/>; not cancellable, as the change is done.</summary>
    public async Task SaveAsync(string target, string taskId, JsonElement result)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM task_outcome WHERE created < $kept;
            INSERT INTO task_outcome (target, task, created, result) VALUES ($target, $task, $now, $result)
                ON CONFLICT (target, task) DO UPDATE SET created = $now, result = $result;
            """;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        command.Parameters.AddWithValue("$kept", now - (long)Kept.TotalSeconds);
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$task", taskId);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$result", result.GetRawText());
        await command.ExecuteNonQueryAsync();
    }
}
