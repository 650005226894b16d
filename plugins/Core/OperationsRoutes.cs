using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>REST routes for alarms, events (and their live feed), tasks, host health and operations, and migration.</summary>
internal static class OperationsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var routes = api.MapGroup(string.Empty).WithTags("Operations");

        routes.MapGet("/alarms", async (ITargetProviders targets, string? target, CancellationToken ct) =>
                await (await OperationsAccess.GetAsync(targets, target, ct)).ListTriggeredAlarmsAsync(ct))
            .WithName("list_alarms").WithSummary("Triggered alarms, red first");
        routes.MapPost("/alarms/acknowledge", async (ITargetProviders targets, AcknowledgeAlarmBody body, string? target, CancellationToken ct) =>
                await (await OperationsAccess.GetAsync(targets, target, ct)).AcknowledgeAlarmAsync(body.EntityId, body.AlarmId, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "entity_id", SubjectKind = "entity" })
            .WithName("acknowledge_alarm").WithSummary("Acknowledge a triggered alarm (body: entity_id, alarm_id)");

        routes.MapGet("/events", async (ITargetProviders targets, string? target, DateTimeOffset? since, DateTimeOffset? until, string? entity, string[]? type, string? severity, int? offset, int? limit, CancellationToken ct) =>
            {
                var query = OperationsAccess.Query(since, until, entity, type, severity, offset, limit);
                return await (await OperationsAccess.GetAsync(targets, target, ct)).QueryEventsAsync(query, ct);
            })
            .WithName("query_events").WithSummary("Events, newest first (?since, until, entity, type (repeatable), severity, offset, limit)");
        routes.MapGet("/events/stream", async (ITargetProviders targets, string? target, CancellationToken ct) =>
            {
                // Resolved before the stream starts, so a bad target is a 4xx rather than a broken stream.
                var operations = await OperationsAccess.GetAsync(targets, target, ct);
                var newest = (await operations.QueryEventsAsync(new EventQuery { Limit = 1 }, ct)).Items.FirstOrDefault()?.Key ?? 0;
                return TypedResults.ServerSentEvents(Stream(operations, newest, ct));
            })
            .WithName("stream_events").WithSummary("Server-sent events: 'ready' once watching, then each new event ('event')");

        routes.MapGet("/tasks", async (ITargetProviders targets, string? target, CancellationToken ct) =>
                await (await OperationsAccess.GetAsync(targets, target, ct)).ListRecentTasksAsync(ct))
            .WithName("list_tasks").WithSummary("Recent and running tasks");
        routes.MapGet("/tasks/{id}", (ITargetProviders targets, ITaskOutcomes outcomes, string id, string? target, CancellationToken ct) =>
                OperationsAccess.TaskAsync(targets, outcomes, target, id, ct))
            .WithName("get_task").WithSummary("One task by id, e.g. one this host started; a handed-off change's result once it ended");
        routes.MapPost("/changes/{id}/undo", (ITargetProviders targets, IChangeHistory history, string id, CancellationToken ct) =>
                ChangeUndo.UndoAsync(history, targets, id, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Destructive = true, Subject = "id", SubjectKind = "change" })
            .WithName("undo_change")
            .WithSummary("Set a VM back as it was before a change made through this host (name, vCPUs and memory, power), by the change's audit id; ?dry_run=true previews; 409 when the VM changed since");
        routes.MapPost("/tasks/{id}/cancel", async (ITargetProviders targets, string id, string? target, CancellationToken ct) =>
                await (await OperationsAccess.GetAsync(targets, target, ct)).CancelTaskAsync(id, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "id", SubjectKind = "task" })
            .Produces<TaskSummary>()
            .WithName("cancel_task").WithSummary("Ask vSphere to cancel a running task; follow it with GET /tasks/{id}");

        routes.MapGet("/hosts/{host}/health", async (ITargetProviders targets, string host, string? target, CancellationToken ct) =>
                await (await OperationsAccess.GetAsync(targets, target, ct)).GetHostHealthAsync(host, ct))
            .WithName("get_host_health").WithSummary("A host's state, sensors and services");
        routes.MapPost("/hosts/{host}/maintenance", async (ITargetProviders targets, string host, MaintenanceBody body, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                return dry_run == true
                    ? Results.Ok(await ActionPreviews.MaintenanceAsync(provider, host, body.Enter, ct))
                    : Results.Ok(await OperationsAccess.Of(provider).SetMaintenanceModeAsync(host, body.Enter, null, ct));
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Destructive = true, Subject = "host", SubjectKind = "host" })
            .Produces<HostHealth>()
            .WithName("set_maintenance_mode").WithSummary("Enter or exit maintenance mode (body: enter; ?dry_run=true previews)");

        routes.MapPost("/vms/{id}/migrate", async (ITargetProviders targets, string id, MigrateBody body, string? target, CancellationToken ct) =>
                await (await OperationsAccess.GetAsync(targets, target, ct)).MigrateVmAsync(new MigrateVmRequest(id, body.Host, body.Datastore), null, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "id" })
            .WithName("migrate_vm").WithSummary("Move a VM to another host and/or datastore (body: host, datastore; vCenter only)");
    }

    private static async IAsyncEnumerable<SseItem<object>> Stream(IOperationsSource operations, long afterKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<object>(new { after_key = afterKey }, "ready");
        await foreach (var item in operations.WatchEventsAsync(afterKey, cancellationToken))
        {
            yield return new SseItem<object>(UntrustedText.Clean(item)!, "event");
        }
    }
}

/// <summary>Body of <c>POST /api/v1/alarms/acknowledge</c>.</summary>
/// <param name="EntityId">The entity the alarm fired on.</param>
/// <param name="AlarmId">The alarm.</param>
internal sealed record AcknowledgeAlarmBody(string EntityId, string AlarmId);

/// <summary>Body of <c>POST /api/v1/hosts/{host}/maintenance</c>.</summary>
/// <param name="Enter">True to enter maintenance mode, false to exit.</param>
internal sealed record MaintenanceBody(bool Enter);

/// <summary>Body of <c>POST /api/v1/vms/{id}/migrate</c>.</summary>
/// <param name="Host">Destination host.</param>
/// <param name="Datastore">Destination datastore.</param>
internal sealed record MigrateBody(string? Host, string? Datastore);
