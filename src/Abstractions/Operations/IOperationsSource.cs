using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Abstractions.Operations;

/// <summary>
/// What operators ask before changing anything (alarms, events, tasks, host health) and the operations
/// around hosts and placement. Optional: a provider that implements it gets the host's alarm, event, task,
/// host-health and migration tools and routes; for others they answer "not supported".
/// </summary>
/// <remarks>
/// Every string returned here comes from the endpoint or a guest and is untrusted: the host strips control
/// characters and bounds lengths before an MCP client sees it.
/// </remarks>
public interface IOperationsSource
{
    /// <summary>Alarms triggered anywhere in the inventory.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<AlarmInfo>> ListTriggeredAlarmsAsync(CancellationToken cancellationToken);

    /// <summary>Acknowledges a triggered alarm on an entity.</summary>
    /// <param name="entityId">The entity the alarm fired on.</param>
    /// <param name="alarmId">The alarm.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AlarmInfo> AcknowledgeAlarmAsync(string entityId, string alarmId, CancellationToken cancellationToken);

    /// <summary>Events matching <paramref name="query"/>, newest first.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>Events as they happen, oldest first, until cancelled.</summary>
    /// <param name="afterKey">
    /// Yield every event with a greater key, including recent ones that happened before the call (so a
    /// caller that read the newest key first, or resumes after a failure, misses nothing); null to start
    /// from the moment of the call.
    /// </param>
    /// <param name="cancellationToken">Ends the stream.</param>
    IAsyncEnumerable<EventInfo> WatchEventsAsync(long? afterKey, CancellationToken cancellationToken);

    /// <summary>Recent and running tasks.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<TaskSummary>> ListRecentTasksAsync(CancellationToken cancellationToken);

    /// <summary>One task by id, while the endpoint still keeps it.</summary>
    /// <param name="taskId">For example <c>task-42</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TaskSummary> GetTaskAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the endpoint to cancel a running task (vSphere TaskManager CancelTask) and answers the task as it is
    /// then: cancellation is asynchronous, so a task may still be <c>running</c> and end as <c>error</c> with
    /// a cancelled fault. Since 2.2; a provider without it answers <see cref="Errors.HypervisorErrorKind.NotSupported"/>.
    /// </summary>
    /// <param name="taskId">For example <c>task-42</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="Errors.HypervisorException">
    /// <see cref="Errors.HypervisorErrorKind.Conflict"/> when the task is not cancellable or has ended,
    /// <see cref="Errors.HypervisorErrorKind.NotSupported"/> when the endpoint cannot cancel tasks.
    /// </exception>
    Task<TaskSummary> CancelTaskAsync(string taskId, CancellationToken cancellationToken) =>
        throw new Errors.HypervisorException(Errors.HypervisorErrorKind.NotSupported, "this provider cannot cancel tasks");

    /// <summary>A host's connection and maintenance state, sensors and services.</summary>
    /// <param name="host">The host's id or name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<HostHealth> GetHostHealthAsync(string host, CancellationToken cancellationToken);

    /// <summary>Puts a host into maintenance mode or takes it out.</summary>
    /// <param name="host">The host's id or name.</param>
    /// <param name="enter">True to enter, false to exit.</param>
    /// <param name="progress">Receives progress, 0-100.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<HostHealth> SetMaintenanceModeAsync(string host, bool enter, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Moves a VM to another host and/or datastore.</summary>
    /// <param name="request">The VM and where to.</param>
    /// <param name="progress">Receives progress, 0-100.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> MigrateVmAsync(MigrateVmRequest request, IProgress<int>? progress, CancellationToken cancellationToken);
}
