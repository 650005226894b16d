namespace VmwareMcp.Abstractions.Operations;

/// <summary>A vCenter or ESXi task: what it does, on what, and how it ended.</summary>
public sealed record TaskSummary
{
    /// <summary>The Task's managed object id (for example <c>task-42</c>).</summary>
    public required string Id { get; init; }

    /// <summary>What it does, for example <c>VirtualMachine.powerOn</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The object it works on.</summary>
    public string? EntityId { get; init; }

    /// <summary>That object's name.</summary>
    public string? EntityName { get; init; }

    /// <summary>queued, running, success or error.</summary>
    public required string State { get; init; }

    /// <summary>Percent done while running.</summary>
    public int? Progress { get; init; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset? QueuedTime { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? CompleteTime { get; init; }

    /// <summary>Why it failed, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>Who started it.</summary>
    public string? UserName { get; init; }

    /// <summary>
    /// When the task belongs to a change this host handed off (<c>wait: false</c>) and that change ended: what
    /// the call would have answered had it waited (the VM, say, or a tool error). Null otherwise. Since 2.2.
    /// </summary>
    public System.Text.Json.JsonElement? Result { get; init; }
}
