using System.Text.Json;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Host.State;

namespace VmwareMcp.Host.HandOff;

/// <summary>The answers of handed-off changes, by target and task, in the <see cref="StateDatabase"/> for 24 hours.</summary>
internal sealed partial class TaskOutcomeStore(StateDatabase database, TimeProvider time, ILogger<TaskOutcomeStore> logger) : ITaskOutcomes
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

    /// <summary>Keeps the answer of a handed-off change once it is known; a store that cannot keep it is logged, as the change is done.</summary>
    public async Task KeepAsync(string target, string taskId, Task<JsonElement> outcome)
    {
        var result = await outcome;
        try
        {
            await SaveAsync(target, taskId, result);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            LogNotKept(logger, ex, taskId, target);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The result of handed-off task {Task} on {Target} could not be kept; get_task will show the task without it")]
    private static partial void LogNotKept(ILogger logger, Exception exception, string task, string target);
}
