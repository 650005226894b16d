using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Vim25;

/// <summary>
/// Waits for a vSphere Task by subscribing to it (CreateFilter + WaitForUpdatesEx on a private
/// PropertyCollector), so there is no sleep-polling and concurrent waits do not see each other's updates.
/// </summary>
public static class TaskWaiter
{
    private const int MaxWaitSeconds = 60;

    /// <summary>Waits for <paramref name="task"/> to finish; returns <c>info.result</c> or throws its error.</summary>
    /// <param name="client">The session.</param>
    /// <param name="task">The Task object a <c>*_Task</c> method returned.</param>
    /// <param name="progress">Receives <c>info.progress</c> (0-100) as it changes, and 100 at success.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on in vSphere.</param>
    /// <exception cref="HypervisorException">The task failed: its fault, translated.</exception>
    public static async Task<XElement?> WaitForTaskAsync(this VimClient client, ManagedObjectReference task, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await using var collector = await PrivateCollector.CreateAsync(client, task, "Task", ["info.state", "info.progress", "info.error", "info.result"], cancellationToken);
        string? state = null;
        XElement? result = null;
        XElement? error = null;
        var lastProgress = -1;
        while (state is not ("success" or "error"))
        {
            foreach (var (name, val) in await collector.WaitAsync(MaxWaitSeconds, cancellationToken))
            {
                switch (name)
                {
                    case "info.state":
                        state = val?.Value;
                        break;
                    case "info.progress" when Vim.Long(val) is { } percent && percent != lastProgress:
                        lastProgress = (int)percent;
                        progress?.Report(lastProgress);
                        break;
                    case "info.error":
                        error = val;
                        break;
                    case "info.result":
                        result = val;
                        break;
                }
            }
        }

        if (state == "error")
        {
            var fault = error?.Element(VimNamespaces.V + "fault");
            var message = Vim.Text(error, "localizedMessage");
            throw VimFaults.Translate(fault is null ? "Fault" : Vim.TypeOf(fault), string.IsNullOrEmpty(message) ? "the task failed without a message" : message);
        }

        if (lastProgress != 100)
        {
            progress?.Report(100);
        }

        return result;
    }

    /// <summary>Calls a <c>*_Task</c> method and waits for the task it starts.</summary>
    /// <param name="client">The session.</param>
    /// <param name="method">For example <c>PowerOnVM_Task</c>.</param>
    /// <param name="target">The object it is called on.</param>
    /// <param name="body">Writes the arguments.</param>
    /// <param name="progress">Receives progress, 0-100.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static async Task<XElement?> RunTaskAsync(this VimClient client, string method, ManagedObjectReference target, Action<SoapWriter>? body, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var task = (await client.InvokeAsync(method, target, body, cancellationToken)).Select(Vim.Ref).Single()!.Value;
        VmwareMcp.Abstractions.Providers.TaskTrail.Record(task.Value);
        return await client.WaitForTaskAsync(task, progress, cancellationToken);
    }
}
