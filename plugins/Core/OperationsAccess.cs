using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>A target's alarms, events, tasks and host operations, or a clear "not supported" for providers without them.</summary>
internal static class OperationsAccess
{
    /// <summary>The target's operations; read-only targets are refused changes by the host's boundary, not here.</summary>
    public static async Task<IOperationsSource> GetAsync(ITargetProviders targets, string? target, CancellationToken cancellationToken) =>
        Of(await targets.GetAsync(target, cancellationToken));

    /// <summary>A task as the target has it, with the answer of the change that started it when the host handed that change off.</summary>
    public static async Task<TaskSummary> TaskAsync(ITargetProviders targets, ITaskOutcomes outcomes, string? target, string taskId, CancellationToken cancellationToken)
    {
        var provider = await targets.GetAsync(target, cancellationToken);
        var task = await Of(provider).GetTaskAsync(taskId, cancellationToken);
        return task with { Result = await outcomes.FindAsync(provider.Target.Name, task.Id, cancellationToken) };
    }

    public static IOperationsSource Of(IHypervisorProvider provider) =>
        provider.Operations
        ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{provider.Target.Name}' does not report alarms, events, tasks or host health");

    /// <summary>Checks paging and severity before anything is asked of the endpoint.</summary>
    public static EventQuery Query(DateTimeOffset? since, DateTimeOffset? until, string? entity, IReadOnlyList<string>? types, string? severity, int? offset, int? limit)
    {
        if (severity is not null && severity is not ("info" or "warning" or "error" or "user"))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"severity '{severity}' is not one of info, warning, error, user");
        }

        if (offset is < 0)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "offset must be 0 or more");
        }

        if (limit is < 1 or > 1000)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "limit must be between 1 and 1000");
        }

        if (since is not null && until is not null && since >= until)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "since must be earlier than until");
        }

        return new EventQuery
        {
            Since = since, Until = until, Entity = string.IsNullOrWhiteSpace(entity) ? null : entity,
            Types = types?.Where(t => !string.IsNullOrWhiteSpace(t)).ToList() ?? [], Severity = severity,
            Offset = offset ?? 0, Limit = limit ?? 50,
        };
    }
}
