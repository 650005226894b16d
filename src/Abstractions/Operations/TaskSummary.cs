namespace VmwareMcp.Abstractions.Operations;

/// <summary>A vCenter or ESXi task: what it does, on what, and how it ended.</summary>
/// <param name="Id">The Task's managed object id (for example <c>task-42</c>).</param>
/// <param name="Name">What it does, for example <c>VirtualMachine.powerOn</c>.</param>
/// <param name="EntityId">The object it works on.</param>
/// <param name="EntityName">That object's name.</param>
/// <param name="State">queued, running, success or error.</param>
/// <param name="Progress">Percent done while running.</param>
/// <param name="QueuedTime">When it was queued.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="CompleteTime">When it ended.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="UserName">Who started it.</param>
public sealed record TaskSummary(
    string Id, string? Name, string? EntityId, string? EntityName, string State, int? Progress,
    DateTimeOffset? QueuedTime, DateTimeOffset? StartTime, DateTimeOffset? CompleteTime, string? Error, string? UserName);
