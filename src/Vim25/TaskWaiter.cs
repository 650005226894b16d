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
        var content = await client.GetServiceContentAsync(cancellationToken);
        var collector = (await client.InvokeAsync("CreatePropertyCollector", content.PropertyCollector, null, cancellationToken)).Select(Vim.Ref).Single()!.Value;
        try
        {
            await client.InvokeAsync("CreateFilter", collector, w => w
                .Element("spec", null, spec => spec
                    .Element("propSet", null, p => p.Text("type", "Task").Text("pathSet", "info.state").Text("pathSet", "info.progress").Text("pathSet", "info.error").Text("pathSet", "info.result"))
                    .Element("objectSet", null, o => o.Ref("obj", task).Bool("skip", false)))
                .Bool("partialUpdates", false), cancellationToken);

            var version = string.Empty;
            string? state = null;
            XElement? result = null;
            XElement? error = null;
            var lastProgress = -1;
            while (state is not ("success" or "error"))
            {
                var updates = await client.InvokeAsync("WaitForUpdatesEx", collector, w => w
                    .Text("version", version)
                    .Element("options", null, o => o.Number("maxWaitSeconds", MaxWaitSeconds)), cancellationToken);
                var updateSet = updates.FirstOrDefault();
                if (updateSet is null)
                {
                    continue; // maxWaitSeconds passed without a change.
                }

                version = Vim.Text(updateSet, "version") ?? version;
                foreach (var change in updateSet.Descendants(VimNamespaces.V + "changeSet"))
                {
                    var val = change.Element(VimNamespaces.V + "val");
                    switch (Vim.Text(change, "name"))
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
        finally
        {
            try
            {
                await client.InvokeAsync("DestroyPropertyCollector", collector, null, CancellationToken.None);
            }
            catch (HypervisorException)
            {
                // The collector dies with the session anyway.
            }
        }
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
