namespace VmwareMcp.Abstractions.Providers;

/// <summary>
/// The vSphere tasks started while handling one request, so the host's audit log can name them. The host
/// opens a trail around a request; providers call <see cref="Record"/> for every task they start.
/// </summary>
/// <remarks>Flows with the async context; outside a trail, <see cref="Record"/> does nothing.</remarks>
public static class TaskTrail
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Opens a trail for the current async flow; dispose it to close.</summary>
    /// <param name="tasks">Receives the task ids recorded while the trail is open.</param>
    public static IDisposable Begin(out IReadOnlyList<string> tasks)
    {
        var list = new List<string>();
        var previous = Current.Value;
        Current.Value = list;
        tasks = list;
        return new Closer(previous);
    }

    /// <summary>Records a task id (for example <c>task-123</c>) in the open trail, if any.</summary>
    /// <param name="taskId">The Task managed object id.</param>
    public static void Record(string taskId)
    {
        if (Current.Value is { } list)
        {
            lock (list)
            {
                list.Add(taskId);
            }
        }
    }

    private sealed class Closer(List<string>? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
