namespace VmwareMcp.Abstractions.Providers;

/// <summary>
/// The vSphere tasks started while handling one request, so the host's audit log can name them and a call
/// handed off (<c>wait: false</c>) can answer with its task. The host opens trails around a request;
/// providers call <see cref="Record"/> for every task they start.
/// </summary>
/// <remarks>
/// Flows with the async context; outside a trail, <see cref="Record"/> does nothing. Trails nest: a task is
/// recorded in every trail open around it (the audit's, inside a hand-off's). Since 2.2.
/// </remarks>
public static class TaskTrail
{
    private static readonly AsyncLocal<Node?> Current = new();

    /// <summary>Opens a trail for the current async flow; dispose it to close.</summary>
    /// <param name="tasks">Receives the task ids recorded while the trail is open.</param>
    public static IDisposable Begin(out IReadOnlyList<string> tasks)
    {
        var list = new List<string>();
        tasks = list;
        return Open(new Node(list, null, Current.Value));
    }

    /// <summary>Opens a trail that tells <paramref name="started"/> of each task as it is recorded. Since 2.2.</summary>
    /// <param name="started">Called with each task id, on the thread that records it; keep it short.</param>
    public static IDisposable Watch(Action<string> started)
    {
        ArgumentNullException.ThrowIfNull(started);
        return Open(new Node(null, started, Current.Value));
    }

    /// <summary>Records a task id (for example <c>task-123</c>) in the open trails, if any.</summary>
    /// <param name="taskId">The Task managed object id.</param>
    public static void Record(string taskId)
    {
        for (var node = Current.Value; node is not null; node = node.Parent)
        {
            if (node.Tasks is { } list)
            {
                lock (list)
                {
                    list.Add(taskId);
                }
            }

            node.Started?.Invoke(taskId);
        }
    }

    private static Closer Open(Node node)
    {
        Current.Value = node;
        return new Closer(node.Parent);
    }

    private sealed record Node(List<string>? Tasks, Action<string>? Started, Node? Parent);

    private sealed class Closer(Node? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
