using System.Text.Json;

namespace VmwareMcp.Abstractions.Operations;

/// <summary>
/// What the host kept of changes it handed off (an MCP call with <c>wait: false</c> answers with its vSphere
/// task at once and runs on): once such a change ended, its answer, for <c>get_task</c> to show beside the
/// task. From the host's DI; kept 24 hours. Since 2.2.
/// </summary>
public interface ITaskOutcomes
{
    /// <summary>The answer of the handed-off change that started <paramref name="taskId"/> on <paramref name="target"/>, or null when there is none (yet).</summary>
    /// <param name="target">The target's configured name.</param>
    /// <param name="taskId">The task's id, for example <c>task-42</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<JsonElement?> FindAsync(string target, string taskId, CancellationToken cancellationToken);
}
