using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Host.HandOff;

/// <summary>
/// Runs a change detached from its caller until its first vSphere task has started, for MCP's and REST's
/// hand-off alike: the caller learns that task, or the change's own end when it ended (or was refused or
/// previewed) before starting one. The task trail flows into the change, which runs to its end either way.
/// </summary>
internal static class FirstTask
{
    /// <returns>The running change and its first task's id, or null when the change ended first (await it for its answer).</returns>
    public static async Task<(Task<T> Work, string? TaskId)> StartAsync<T>(Func<Task<T>> change, CancellationToken waiting)
    {
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<T> work;
        using (TaskTrail.Watch(id => started.TrySetResult(id)))
        {
            work = Task.Run(change);
        }

        return await Task.WhenAny(work, started.Task).WaitAsync(waiting) == work ? (work, null) : (work, await started.Task);
    }
}
