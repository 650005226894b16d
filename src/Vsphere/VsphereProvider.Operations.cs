using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider : IOperationsSource
{
    /// <summary>The entity types whose <c>triggeredAlarmState</c> is read (the root folder aggregates them on vCenter).</summary>
    private static readonly string[] AlarmedTypes =
        ["VirtualMachine", "HostSystem", "Datastore", "ClusterComputeResource", "ComputeResource", "Datacenter", "ResourcePool", "Network", "Folder"];

    private static readonly Regex TaskId = new(@"^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$", RegexOptions.CultureInvariant);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AlarmInfo>> ListTriggeredAlarmsAsync(CancellationToken cancellationToken)
    {
        var content = await ContentAsync(cancellationToken);
        var entities = await Client.RetrieveAllAsync(content.RootFolder, AlarmedTypes.Select(t => new PropertySpec(t, ["name", "triggeredAlarmState"])).ToList(), cancellationToken);
        var root = await Client.RetrieveOneAsync(content.RootFolder, ["name", "triggeredAlarmState"], cancellationToken);
        var objects = root is null ? entities : [.. entities, root];
        var names = objects.ToDictionary(o => o.Obj, o => o.Text("name"));
        var states = objects
            .SelectMany(o => o["triggeredAlarmState"]?.Elements() ?? [])
            .GroupBy(s => Vim.Text(s, "key") ?? string.Empty)
            .Select(g => g.First())
            .ToList();
        var alarmNames = await AlarmNamesAsync(states.Select(s => Vim.Ref(s.Element(VimNamespaces.V + "alarm"))).OfType<ManagedObjectReference>().Distinct().ToList(), cancellationToken);
        return states.Select(s =>
            {
                var entity = Vim.Ref(s.Element(VimNamespaces.V + "entity"))!.Value;
                var alarm = Vim.Ref(s.Element(VimNamespaces.V + "alarm"))!.Value;
                return new AlarmInfo
                {
                    Key = Vim.Text(s, "key") ?? string.Empty,
                    AlarmId = alarm.Value,
                    AlarmName = alarmNames.GetValueOrDefault(alarm.Value),
                    EntityId = entity.Value,
                    EntityName = names.GetValueOrDefault(entity),
                    EntityType = entity.Type,
                    Status = Vim.Text(s, "overallStatus") ?? "gray",
                    Time = Vim.Time(s.Element(VimNamespaces.V + "time")),
                    Acknowledged = Vim.Bool(s.Element(VimNamespaces.V + "acknowledged")) ?? false,
                    AcknowledgedBy = Vim.Text(s, "acknowledgedByUser"),
                };
            })
            .OrderBy(a => a.Status switch { "red" => 0, "yellow" => 1, _ => 2 })
            .ThenByDescending(a => a.Time)
            .ToList();
    }

    private async Task<Dictionary<string, string?>> AlarmNamesAsync(IReadOnlyCollection<ManagedObjectReference> alarms, CancellationToken cancellationToken)
    {
        if (alarms.Count == 0)
        {
            return [];
        }

        try
        {
            return (await Client.RetrieveObjectsAsync(alarms, "Alarm", ["info.name"], cancellationToken)).ToDictionary(o => o.Obj.Value, o => o.Text("info.name"));
        }
        catch (HypervisorException)
        {
            // An alarm removed since it triggered has no name to show; the state is still worth reporting.
            return [];
        }
    }

    /// <inheritdoc />
    public async Task<AlarmInfo> AcknowledgeAlarmAsync(string entityId, string alarmId, CancellationToken cancellationToken)
    {
        var alarm = (await ListTriggeredAlarmsAsync(cancellationToken)).FirstOrDefault(a => a.EntityId == entityId && a.AlarmId == alarmId)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"no triggered alarm '{alarmId}' on '{entityId}' on target '{Target.Name}'; list_alarms shows the triggered ones");
        if (alarm.Acknowledged)
        {
            return alarm;
        }

        var manager = (await ContentAsync(cancellationToken)).AlarmManager
            ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no AlarmManager, so its alarms cannot be acknowledged here");
        await Client.InvokeAsync("AcknowledgeAlarm", manager, w => w
            .Ref("alarm", new ManagedObjectReference("Alarm", alarmId))
            .Ref("entity", new ManagedObjectReference(alarm.EntityType, entityId)), cancellationToken);
        return alarm with { Acknowledged = true };
    }

    /// <inheritdoc />
    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ManagedObjectReference? entity = query.Entity is null ? null : await ResolveEntityAsync(query.Entity, cancellationToken);
        var severities = await EventSeveritiesAsync(cancellationToken);
        var matches = new List<EventInfo>();
        await foreach (var raw in ReadEventsAsync(entity, query, cancellationToken))
        {
            var item = ParseEvent(raw, severities);
            if ((query.Since is null || item.CreatedTime >= query.Since) && (query.Until is null || item.CreatedTime < query.Until)
                && (query.Severity is null || string.Equals(item.Severity, query.Severity, StringComparison.OrdinalIgnoreCase))
                && (query.Types.Count == 0 || query.Types.Contains(item.Type, StringComparer.Ordinal)))
            {
                matches.Add(item);
            }
        }

        var page = matches.OrderByDescending(e => e.Key).Skip(query.Offset).Take(query.Limit).ToList();
        var next = query.Offset + page.Count < matches.Count ? query.Offset + page.Count : (int?)null;
        return new EventPage(page, query.Offset, next);
    }

    /// <summary>Most events one query reads from the endpoint; narrow by time, entity or type to reach older ones.</summary>
    private const int MaxEventsScanned = 20_000;

    /// <summary>
    /// Reads the filtered events through an EventHistoryCollector, oldest first, and destroys it afterwards. The
    /// filter goes to the endpoint (vCenter applies all of it); the caller filters again, since not every
    /// endpoint honours time and category.
    /// </summary>
    private async IAsyncEnumerable<XElement> ReadEventsAsync(ManagedObjectReference? entity, EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var content = await ContentAsync(cancellationToken);
        var manager = content.EventManager ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no EventManager");
        var collector = (await Client.InvokeAsync("CreateCollectorForEvents", manager, w => w.Element("filter", null, f =>
        {
            if (entity is { } e)
            {
                f.Element("entity", null, x => x.Ref("entity", e).Text("recursion", "all"));
            }

            if (query.Since is not null || query.Until is not null)
            {
                f.Element("time", null, t => t.Text("beginTime", query.Since?.UtcDateTime.ToString("o")).Text("endTime", query.Until?.UtcDateTime.ToString("o")));
            }

            foreach (var type in query.Types)
            {
                f.Text("eventTypeId", type);
            }
        }), cancellationToken)).Select(Vim.Ref).Single()!.Value;
        try
        {
            await Client.InvokeAsync("RewindCollector", collector, null, cancellationToken);
            for (var read = 0; read < MaxEventsScanned;)
            {
                var batch = await Client.InvokeAsync("ReadNextEvents", collector, w => w.Number("maxCount", 1000), cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                read += batch.Count;
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await DestroyQuietlyAsync(collector, "DestroyCollector");
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<EventInfo> WatchEventsAsync(long? afterKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var feed = _eventFeed ?? Interlocked.CompareExchange(ref _eventFeed, new EventFeed(WatchLatestPageAsync, Logger), null) ?? _eventFeed;
        // Subscribed first, then the backlog read: an event in between is in one or the other (or both, and skipped once).
        using var subscription = feed.Subscribe(out var live);
        // Resuming needs the backlog after the key; starting from now needs only the newest key.
        var recent = (await QueryEventsAsync(new EventQuery { Limit = afterKey is null ? 1 : 1000 }, cancellationToken)).Items;
        var last = afterKey ?? (recent.Count == 0 ? 0 : recent[0].Key);
        foreach (var item in recent.Where(e => e.Key > last).OrderBy(e => e.Key))
        {
            yield return item;
            last = item.Key;
        }

        await foreach (var item in live.ReadAllAsync(cancellationToken))
        {
            if (item.Key > last)
            {
                yield return item;
                last = item.Key;
            }
        }
    }

    private EventFeed? _eventFeed;

    /// <summary>
    /// The endpoint's events through one unfiltered EventHistoryCollector's <c>latestPage</c>, starting with the
    /// page as it stands (subscribers skip what they have seen). Destroyed only when the provider is disposed:
    /// destroying a collector while the endpoint posts an event deadlocks vcsim, and one per target is cheap.
    /// </summary>
    private async IAsyncEnumerable<EventInfo> WatchLatestPageAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var content = await ContentAsync(cancellationToken);
        var manager = content.EventManager ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no EventManager");
        var severities = await EventSeveritiesAsync(cancellationToken);
        var collector = await CreateFeedCollectorAsync(manager, cancellationToken);
        var properties = (await Client.InvokeAsync("CreatePropertyCollector", content.PropertyCollector, null, cancellationToken)).Select(Vim.Ref).Single()!.Value;
        try
        {
            await Client.InvokeAsync("CreateFilter", properties, w => w
                .Element("spec", null, spec => spec
                    .Element("propSet", null, p => p.Text("type", "EventHistoryCollector").Text("pathSet", "latestPage"))
                    .Element("objectSet", null, o => o.Ref("obj", collector).Bool("skip", false)))
                .Bool("partialUpdates", false), cancellationToken);
            var version = string.Empty;
            long seen = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                var updates = await Client.InvokeAsync("WaitForUpdatesEx", properties, w => w
                    .Text("version", version)
                    .Element("options", null, o => o.Number("maxWaitSeconds", 60)), cancellationToken);
                if (updates.FirstOrDefault() is not { } updateSet)
                {
                    continue;
                }

                version = Vim.Text(updateSet, "version") ?? version;
                var page = updateSet.Descendants(VimNamespaces.V + "changeSet")
                    .SelectMany(c => c.Element(VimNamespaces.V + "val")?.Elements() ?? [])
                    .Select(e => ParseEvent(e, severities))
                    .OrderBy(e => e.Key)
                    .ToList();
                foreach (var item in page.Where(e => e.Key > seen))
                {
                    yield return item;
                    seen = item.Key;
                }
            }
        }
        finally
        {
            await DestroyQuietlyAsync(properties, "DestroyPropertyCollector");
            await DestroyQuietlyAsync(collector, "DestroyCollector");
        }
    }

    /// <summary>
    /// The feed's collector, with a latest page of <see cref="FeedPageSize"/> events so a burst between two
    /// updates is not lost. The size is asked for in the filter (vSphere 6.5 and later, and vcsim) rather than by
    /// SetCollectorPageSize afterwards: vcsim takes the collector's lock and then the EventManager's there,
    /// while posting an event takes them the other way round, and a power-off at that moment deadlocked it.
    /// </summary>
    private async Task<ManagedObjectReference> CreateFeedCollectorAsync(ManagedObjectReference manager, CancellationToken cancellationToken)
    {
        try
        {
            return (await Client.InvokeAsync("CreateCollectorForEvents", manager, w => w.Element("filter", null, f => f.Number("maxCount", FeedPageSize)), cancellationToken)).Select(Vim.Ref).Single()!.Value;
        }
        catch (HypervisorException ex) when (ex.Kind == HypervisorErrorKind.InvalidArgument)
        {
            // An endpoint that does not know the filter's maxCount: size the page the older way.
            var collector = (await Client.InvokeAsync("CreateCollectorForEvents", manager, w => w.Element("filter", null, _ => { }), cancellationToken)).Select(Vim.Ref).Single()!.Value;
            await Client.InvokeAsync("SetCollectorPageSize", collector, w => w.Number("maxCount", FeedPageSize), cancellationToken);
            return collector;
        }
    }

    private const int FeedPageSize = 100;

    private async Task DestroyQuietlyAsync(ManagedObjectReference obj, string method)
    {
        try
        {
            await Client.InvokeAsync(method, obj, null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HypervisorException or HttpRequestException or OperationCanceledException)
        {
            // It dies with the session anyway.
        }
    }

    private Dictionary<string, string>? _eventSeverities;

    /// <summary>Each event type's category (info, warning, error, user), from the EventManager's description.</summary>
    private async Task<Dictionary<string, string>> EventSeveritiesAsync(CancellationToken cancellationToken)
    {
        if (_eventSeverities is { } known)
        {
            return known;
        }

        var manager = (await ContentAsync(cancellationToken)).EventManager;
        var description = manager is { } m ? await Client.RetrieveOneAsync(m, ["description.eventInfo"], cancellationToken) : null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var info in description?["description.eventInfo"]?.Elements() ?? [])
        {
            if (Vim.Text(info, "key") is { } key && Vim.Text(info, "category") is { } category)
            {
                map[key] = category;
            }
        }

        return _eventSeverities = map;
    }

    private static EventInfo ParseEvent(XElement e, IReadOnlyDictionary<string, string> severities)
    {
        var type = Vim.TypeOf(e);
        if (type is "EventEx" or "ExtendedEvent" && Vim.Text(e, "eventTypeId") is { } typeId)
        {
            type = typeId;
        }

        var severity = Vim.Text(e, "severity") ?? severities.GetValueOrDefault(Vim.TypeOf(e)) ?? "info";
        return new EventInfo
        {
            Key = Vim.Long(e.Element(VimNamespaces.V + "key")) ?? 0,
            Type = type,
            CreatedTime = Vim.Time(e.Element(VimNamespaces.V + "createdTime")) ?? DateTimeOffset.MinValue,
            Severity = severity,
            Message = Vim.Text(e, "fullFormattedMessage"),
            UserName = NullIfEmpty(Vim.Text(e, "userName")),
            Vm = Vim.Text(e.Element(VimNamespaces.V + "vm"), "name"),
            Host = Vim.Text(e.Element(VimNamespaces.V + "host"), "name"),
            Datacenter = Vim.Text(e.Element(VimNamespaces.V + "datacenter"), "name"),
        };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <inheritdoc />
    public async Task<IReadOnlyList<TaskSummary>> ListRecentTasksAsync(CancellationToken cancellationToken)
    {
        var manager = (await ContentAsync(cancellationToken)).TaskManager
            ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no TaskManager");
        var tasks = (await Client.RetrieveOneAsync(manager, ["recentTask"], cancellationToken))?.Refs("recentTask").ToList() ?? [];
        if (tasks.Count == 0)
        {
            return [];
        }

        return (await Client.RetrieveObjectsAsync(tasks, "Task", ["info"], cancellationToken))
            .Select(o => ParseTask(o["info"]!))
            .OrderByDescending(t => t.QueuedTime)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<TaskSummary> CancelTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = await GetTaskAsync(taskId, cancellationToken); // Validates the id and says "not known" first.
        try
        {
            await Client.InvokeAsync("CancelTask", new ManagedObjectReference("Task", task.Id), null, cancellationToken);
        }
        catch (HypervisorException ex) when (ex.Kind == HypervisorErrorKind.NotSupported)
        {
            throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{Target.Name}' cannot cancel tasks (it does not implement CancelTask): {ex.Message}", ex.Fault, ex);
        }
        catch (HypervisorException ex) when (ex.Kind == HypervisorErrorKind.Conflict)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"task '{task.Id}' cannot be cancelled now (it is {task.State}; it may have ended or not be cancellable): {ex.Message}", ex.Fault, ex);
        }

        return await GetTaskAsync(task.Id, cancellationToken);
    }

    public async Task<TaskSummary> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(taskId) || !TaskId.IsMatch(taskId))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "name the task by its id, for example task-42 (list_tasks shows recent ones)");
        }

        await ContentAsync(cancellationToken);
        var info = (await Client.RetrieveOneAsync(new ManagedObjectReference("Task", taskId), ["info"], cancellationToken))?["info"]
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"target '{Target.Name}' does not know task '{taskId}': it may be too old (vCenter keeps finished tasks for a limited time)");
        return ParseTask(info);
    }

    private static TaskSummary ParseTask(XElement info)
    {
        var progress = Vim.Long(info.Element(VimNamespaces.V + "progress"));
        var entity = Vim.Ref(info.Element(VimNamespaces.V + "entity"));
        return new TaskSummary
        {
            Id = Vim.Text(info, "key") ?? Vim.Ref(info.Element(VimNamespaces.V + "task"))?.Value ?? string.Empty,
            Name = Vim.Text(info, "descriptionId") ?? Vim.Text(info, "name"),
            EntityId = entity?.Value,
            EntityName = Vim.Text(info, "entityName"),
            State = Vim.Text(info, "state") ?? "unknown",
            Progress = progress is null ? null : (int)progress,
            QueuedTime = Vim.Time(info.Element(VimNamespaces.V + "queueTime")),
            StartTime = Vim.Time(info.Element(VimNamespaces.V + "startTime")),
            CompleteTime = Vim.Time(info.Element(VimNamespaces.V + "completeTime")),
            Error = Vim.Text(info.Element(VimNamespaces.V + "error"), "localizedMessage"),
            UserName = NullIfEmpty(Vim.Text(info.Element(VimNamespaces.V + "reason"), "userName")),
        };
    }

    private static readonly string[] HostHealthPaths =
    [
        "name", "runtime.connectionState", "runtime.inMaintenanceMode", "overallStatus",
        "runtime.healthSystemRuntime.systemHealthInfo.numericSensorInfo", "configManager.serviceSystem",
    ];

    /// <inheritdoc />
    public async Task<HostHealth> GetHostHealthAsync(string host, CancellationToken cancellationToken) =>
        await HostHealthAsync(await ResolveByNameAsync("HostSystem", "host", host, cancellationToken), cancellationToken);

    private async Task<HostHealth> HostHealthAsync(ManagedObjectReference host, CancellationToken cancellationToken)
    {
        var o = await Client.RetrieveOneAsync(host, HostHealthPaths, cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"host '{host.Value}' disappeared from target '{Target.Name}'");
        var sensors = (o["runtime.healthSystemRuntime.systemHealthInfo.numericSensorInfo"]?.Elements() ?? [])
            .Select(s =>
            {
                var reading = Vim.Long(s.Element(VimNamespaces.V + "currentReading"));
                var scale = Vim.Long(s.Element(VimNamespaces.V + "unitModifier")) ?? 0;
                return new SensorReading(
                    Vim.Text(s, "name") ?? string.Empty, Vim.Text(s, "sensorType"),
                    Vim.Text(s.Element(VimNamespaces.V + "healthState"), "key"),
                    reading is null ? null : reading.Value * Math.Pow(10, scale), Vim.Text(s, "baseUnits"));
            })
            .ToList();

        IReadOnlyList<HostService>? services = null;
        string? servicesError = null;
        if (o.Ref("configManager.serviceSystem") is { } serviceSystem)
        {
            try
            {
                services = ((await Client.RetrieveOneAsync(serviceSystem, ["serviceInfo.service"], cancellationToken))?["serviceInfo.service"]?.Elements() ?? [])
                    .Select(s => new HostService(Vim.Text(s, "key") ?? string.Empty, Vim.Text(s, "label"), Vim.Bool(s.Element(VimNamespaces.V + "running")) ?? false, Vim.Text(s, "policy")))
                    .ToList();
            }
            catch (HypervisorException ex)
            {
                servicesError = $"the host's service system did not answer: {ex.Message}";
            }
        }
        else
        {
            servicesError = "the host reports no service system";
        }

        return new HostHealth
        {
            Id = host.Value,
            Name = o.Text("name") ?? host.Value,
            ConnectionState = o.Text("runtime.connectionState"),
            InMaintenanceMode = o.Text("runtime.inMaintenanceMode") == "true",
            OverallStatus = o.Text("overallStatus"),
            Sensors = sensors,
            Services = services,
            ServicesError = servicesError,
        };
    }

    /// <inheritdoc />
    public async Task<HostHealth> SetMaintenanceModeAsync(string host, bool enter, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var hostRef = await ResolveByNameAsync("HostSystem", "host", host, cancellationToken);
        var before = await HostHealthAsync(hostRef, cancellationToken);
        if (before.InMaintenanceMode == enter)
        {
            return before;
        }

        await Client.RunTaskAsync(enter ? "EnterMaintenanceMode_Task" : "ExitMaintenanceMode_Task", hostRef, w => w.Number("timeout", 0), progress, cancellationToken);
        return await HostHealthAsync(hostRef, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VmDetails> MigrateVmAsync(MigrateVmRequest request, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (!(await ContentAsync(cancellationToken)).IsVCenter)
        {
            throw NotOnThisKind("Moving a VM to another host or datastore");
        }

        if (string.IsNullOrWhiteSpace(request.Host) && string.IsNullOrWhiteSpace(request.Datastore))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "name a destination: 'host', 'datastore', or both");
        }

        var vmRef = await ResolveVmAsync(request.Vm, cancellationToken);
        ManagedObjectReference? datastore = string.IsNullOrWhiteSpace(request.Datastore) ? null : await ResolveByNameAsync("Datastore", "datastore", request.Datastore, cancellationToken);
        ManagedObjectReference? host = null, pool = null;
        if (!string.IsNullOrWhiteSpace(request.Host))
        {
            host = await ResolveByNameAsync("HostSystem", "host", request.Host, cancellationToken);
            // A host in another cluster needs that cluster's pool; a host in the same one keeps the VM's pool.
            var hostCompute = (await Client.RetrieveOneAsync(host.Value, ["parent"], cancellationToken))?.Ref("parent");
            var vmHost = (await Client.RetrieveOneAsync(vmRef, ["runtime.host"], cancellationToken))?.Ref("runtime.host");
            var vmCompute = vmHost is { } h ? (await Client.RetrieveOneAsync(h, ["parent"], cancellationToken))?.Ref("parent") : null;
            if (hostCompute is { } compute && hostCompute != vmCompute)
            {
                pool = (await Client.RetrieveOneAsync(compute, ["resourcePool"], cancellationToken))?.Ref("resourcePool");
            }
        }

        await Client.RunTaskAsync("RelocateVM_Task", vmRef, w => w.Element("spec", null, spec => VmSpecs.Placement(spec, datastore, pool, host)), progress, cancellationToken);
        await WriteThroughAsync(vmRef, cancellationToken);
        return await GetVmAsync(vmRef.Value, cancellationToken);
    }

    /// <summary>Finds an inventory object of <paramref name="type"/> by managed object id or exact name.</summary>
    private async Task<ManagedObjectReference> ResolveByNameAsync(string type, string what, string idOrName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idOrName))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"name the {what} by its id or its exact name");
        }

        // Within the target's datacenter (resource_datacenter) when one is set, as VMs are found.
        var all = await Client.RetrieveAllAsync(await ScopeAsync(cancellationToken), type, ["name"], cancellationToken);
        var matches = all.Where(o => o.Obj.Value == idOrName).ToList() is { Count: 1 } byId ? byId
            : all.Where(o => string.Equals(o.Text("name"), idOrName, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Obj,
            0 => throw new HypervisorException(HypervisorErrorKind.NotFound,
                $"no {what} named or with id '{idOrName}' on target '{Target.Name}'; there are: {string.Join(", ", all.Select(o => o.Text("name")).Take(20))}"),
            _ => throw new HypervisorException(HypervisorErrorKind.Conflict, $"{matches.Count} {what}s are named '{idOrName}': name one by its id ({string.Join(", ", matches.Select(m => m.Obj.Value))})"),
        };
    }

    /// <summary>A VM or host (by id or name) to scope an event query to.</summary>
    private async Task<ManagedObjectReference> ResolveEntityAsync(string entity, CancellationToken cancellationToken)
    {
        try
        {
            return await ResolveVmAsync(entity, cancellationToken);
        }
        catch (HypervisorException ex) when (ex.Kind == HypervisorErrorKind.NotFound)
        {
            try
            {
                return await ResolveByNameAsync("HostSystem", "host", entity, cancellationToken);
            }
            catch (HypervisorException inner) when (inner.Kind == HypervisorErrorKind.NotFound)
            {
                throw new HypervisorException(HypervisorErrorKind.NotFound, $"no VM or host named or with id '{entity}' on target '{Target.Name}'");
            }
        }
    }
}
