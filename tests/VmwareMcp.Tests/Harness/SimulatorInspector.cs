using System.Net;
using System.Security;
using System.Text;
using System.Xml.Linq;

namespace VmwareMcp.Tests.Harness;

/// <summary>
/// Reads and changes the simulator behind our back with raw SOAP text and XDocument: an independent
/// path that shares no code with the product's vim25 client, so assertions do not trust what they test.
/// </summary>
public sealed partial class SimulatorInspector : IDisposable
{
    private static readonly XNamespace V = "urn:vim25";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private readonly HttpClient _http;
    private readonly Uri _url;
    private XElement? _content;
    private string? _restSession;

    public SimulatorInspector(Simulator simulator)
    {
        _url = simulator.Url;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
    }

    /// <summary>One VM as the simulator sees it.</summary>
    public sealed record VmRecord(string Id, string Name, string PowerState, bool Template, int NumCpu, int MemoryMb, IReadOnlyList<string> Datastores, IReadOnlyList<string> Networks, int Snapshots, string? Host);

    public async Task<List<VmRecord>> VmsAsync()
    {
        var objects = await RetrieveAsync("VirtualMachine", ["name", "runtime.powerState", "config.template", "config.hardware.numCPU", "config.hardware.memoryMB", "datastore", "network", "snapshot", "runtime.host"]);
        var names = (await RetrieveAsync("Datastore", ["name"])).Concat(await RetrieveAsync("Network", ["name"])).Concat(await RetrieveAsync("HostSystem", ["name"]))
            .ToDictionary(o => o.Id, o => o.Props["name"].Value);
        return objects.Select(o => new VmRecord(
            o.Id,
            o.Props["name"].Value,
            o.Props["runtime.powerState"].Value,
            o.Props.TryGetValue("config.template", out var t) && t.Value == "true",
            int.Parse(o.Props["config.hardware.numCPU"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(o.Props["config.hardware.memoryMB"].Value, System.Globalization.CultureInfo.InvariantCulture),
            o.Props.TryGetValue("datastore", out var ds) ? ds.Elements().Select(e => names[e.Value]).ToList() : [],
            o.Props.TryGetValue("network", out var net) ? net.Elements().Select(e => names[e.Value]).ToList() : [],
            o.Props.TryGetValue("snapshot", out var snap) ? snap.Descendants(V + "snapshot").Count() : 0,
            o.Props.TryGetValue("runtime.host", out var h) ? names.GetValueOrDefault(h.Value) : null)).ToList();
    }

    public async Task<VmRecord?> VmNamedAsync(string name) => (await VmsAsync()).SingleOrDefault(v => v.Name == name);

    /// <summary>Datastore name → free bytes.</summary>
    public async Task<Dictionary<string, long>> DatastoreFreeSpaceAsync() =>
        (await RetrieveAsync("Datastore", ["name", "summary.freeSpace"])).ToDictionary(o => o.Props["name"].Value, o => long.Parse(o.Props["summary.freeSpace"].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Datastore name → the local folder vcsim keeps its files in.</summary>
    public async Task<Dictionary<string, string>> DatastoreFoldersAsync() =>
        (await RetrieveAsync("Datastore", ["name", "info.url"])).ToDictionary(o => o.Props["name"].Value, o => o.Props["info.url"].Value);

    /// <summary>The backing files of a VM's disks, as datastore paths.</summary>
    public async Task<List<string>> DiskFilesAsync(string vmId)
    {
        await EnsureLoginAsync();
        var devices = (await RetrieveObjectAsync("VirtualMachine", vmId, ["config.hardware.device"]))["config.hardware.device"];
        return devices.Elements().Where(d => (string?)d.Attribute(Xsi + "type") == "VirtualDisk")
            .Select(d => d.Element(V + "backing")!.Element(V + "fileName")!.Value).ToList();
    }

    /// <summary>A VM's quickStats and storage summary, as the simulator reports them now.</summary>
    public async Task<Dictionary<string, long>> VmQuickStatsAsync(string vmId)
    {
        await EnsureLoginAsync();
        var props = await RetrieveObjectAsync("VirtualMachine", vmId, ["summary.quickStats.overallCpuUsage", "summary.quickStats.hostMemoryUsage", "summary.quickStats.guestMemoryUsage", "summary.storage.committed"]);
        return props.ToDictionary(p => p.Key, p => long.Parse(p.Value.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task PowerOffAsync(string vmId)
    {
        await EnsureLoginAsync();
        await WaitTaskAsync((await CallAsync("PowerOffVM_Task", "VirtualMachine", vmId, string.Empty)).Element(V + "returnval")!.Value);
    }

    public async Task PowerOnAsync(string vmId)
    {
        await EnsureLoginAsync();
        await WaitTaskAsync((await CallAsync("PowerOnVM_Task", "VirtualMachine", vmId, string.Empty)).Element(V + "returnval")!.Value);
    }

    /// <summary>Clones a VM into the first datacenter's VM folder; returns the clone's id.</summary>
    public async Task<string> CloneVmAsync(string sourceId, string name)
    {
        var vmFolder = (await RetrieveAsync("Datacenter", ["vmFolder"])).First().Props["vmFolder"].Value;
        var task = (await CallAsync("CloneVM_Task", "VirtualMachine", sourceId,
            $"<folder type=\"Folder\">{vmFolder}</folder><name>{SecurityElement.Escape(name)}</name><spec><location/><template>false</template><powerOn>false</powerOn></spec>")).Element(V + "returnval")!.Value;
        await WaitTaskAsync(task);
        return (await RetrieveObjectAsync("Task", task, ["info.result"]))["info.result"].Value;
    }

    public async Task DestroyVmAsync(string vmId)
    {
        await EnsureLoginAsync();
        await WaitTaskAsync((await CallAsync("Destroy_Task", "VirtualMachine", vmId, string.Empty)).Element(V + "returnval")!.Value);
    }

    public async Task<string> CreateFolderAsync(string name)
    {
        var vmFolder = (await RetrieveAsync("Datacenter", ["vmFolder"])).First().Props["vmFolder"].Value;
        return (await CallAsync("CreateFolder", "Folder", vmFolder, $"<name>{SecurityElement.Escape(name)}</name>")).Element(V + "returnval")!.Value;
    }

    /// <summary>Every folder as the simulator keeps it: id, name and parent id.</summary>
    public async Task<List<(string Id, string Name, string? Parent)>> FoldersAsync() =>
        (await RetrieveAsync("Folder", ["name", "parent"])).Select(o => (o.Id, o.Props["name"].Value, o.Props.GetValueOrDefault("parent")?.Value)).ToList();

    /// <summary>The id of the folder a VM sits in.</summary>
    public async Task<string> VmFolderAsync(string vmId)
    {
        await EnsureLoginAsync();
        return (await RetrieveObjectAsync("VirtualMachine", vmId, ["parent"]))["parent"].Value;
    }

    /// <summary>One resource pool as the simulator keeps it.</summary>
    public sealed record PoolRecord(string Name, string Parent, long CpuReservation, long CpuLimit, string CpuShares, long MemoryReservation, long MemoryLimit);

    public async Task<PoolRecord?> PoolAsync(string poolId)
    {
        await EnsureLoginAsync();
        var pool = (await RetrieveAsync("ResourcePool", ["name", "parent", "config.cpuAllocation", "config.memoryAllocation"])).SingleOrDefault(o => o.Id == poolId);
        if (pool is null)
        {
            return null;
        }

        var cpu = pool.Props["config.cpuAllocation"];
        var memory = pool.Props["config.memoryAllocation"];
        long Number(XElement allocation, string name) => long.Parse(allocation.Element(V + name)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        return new PoolRecord(pool.Props["name"].Value, pool.Props["parent"].Value, Number(cpu, "reservation"), Number(cpu, "limit"),
            cpu.Element(V + "shares")!.Element(V + "level")!.Value, Number(memory, "reservation"), Number(memory, "limit"));
    }

    /// <summary>The id of the resource pool a VM runs in.</summary>
    public async Task<string> VmPoolAsync(string vmId)
    {
        await EnsureLoginAsync();
        return (await RetrieveObjectAsync("VirtualMachine", vmId, ["resourcePool"]))["resourcePool"].Value;
    }

    /// <summary>The custom attribute definitions: key to name.</summary>
    public async Task<Dictionary<string, string>> CustomFieldsAsync()
    {
        await EnsureLoginAsync();
        var manager = _content!.Element(V + "customFieldsManager")!.Value;
        var props = await RetrieveObjectAsync("CustomFieldsManager", manager, ["field"]);
        return props.TryGetValue("field", out var fields)
            ? fields.Elements().ToDictionary(f => f.Element(V + "key")!.Value, f => f.Element(V + "name")!.Value)
            : [];
    }

    /// <summary>A VM's custom values: key to value, the last one set winning.</summary>
    public async Task<Dictionary<string, string>> CustomValuesAsync(string vmId)
    {
        await EnsureLoginAsync();
        var values = new Dictionary<string, string>();
        var props = await RetrieveObjectAsync("VirtualMachine", vmId, ["customValue"]);
        foreach (var value in props.TryGetValue("customValue", out var list) ? list.Elements() : [])
        {
            values[value.Element(V + "key")!.Value] = value.Element(V + "value")?.Value ?? string.Empty;
        }

        return values;
    }

    /// <summary>Tag names by id, read from the simulator's Automation API with plain HTTP.</summary>
    public async Task<Dictionary<string, string>> TagNamesAsync()
    {
        var names = new Dictionary<string, string>();
        // vcsim answers an empty list as null.
        foreach (var id in (await RestAsync(HttpMethod.Get, "com/vmware/cis/tagging/tag", null))?.AsArray() ?? [])
        {
            names[id!.GetValue<string>()] = (await RestAsync(HttpMethod.Get, $"com/vmware/cis/tagging/tag/id:{id}", null))!["name"]!.GetValue<string>();
        }

        return names;
    }

    /// <summary>The ids of the tags on a VM, read from the simulator's Automation API.</summary>
    public async Task<List<string>> AttachedTagIdsAsync(string vmId) =>
        (await RestAsync(HttpMethod.Post, "com/vmware/cis/tagging/tag-association?~action=list-attached-tags", "{\"object_id\":{\"id\":\"" + vmId + "\",\"type\":\"VirtualMachine\"}}"))?
            .AsArray().Select(i => i!.GetValue<string>()).ToList() ?? [];

    private async Task<System.Text.Json.Nodes.JsonNode?> RestAsync(HttpMethod method, string path, string? body)
    {
        var root = new Uri(_url.GetLeftPart(UriPartial.Authority) + "/rest/");
        if (_restSession is null)
        {
            using var login = new HttpRequestMessage(HttpMethod.Post, new Uri(root, "com/vmware/cis/session"));
            login.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Simulator.User}:{Simulator.Password}")));
            using var answer = await _http.SendAsync(login);
            _restSession = System.Text.Json.Nodes.JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["value"]!.GetValue<string>();
        }

        using var request = new HttpRequestMessage(method, new Uri(root, path));
        request.Headers.Add("vmware-api-session-id", _restSession);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(text)?["value"];
    }

    /// <summary>Moves a VM into a folder behind the host's back.</summary>
    public async Task MoveIntoFolderAsync(string folderId, string vmId)
    {
        await EnsureLoginAsync();
        await WaitTaskAsync((await CallAsync("MoveIntoFolder_Task", "Folder", folderId, $"<list type=\"VirtualMachine\">{vmId}</list>")).Element(V + "returnval")!.Value);
    }

    /// <summary>Renames any managed entity behind the host's back.</summary>
    public async Task RenameAsync(string type, string id, string name)
    {
        await EnsureLoginAsync();
        await WaitTaskAsync((await CallAsync("Rename_Task", type, id, $"<newName>{SecurityElement.Escape(name)}</newName>")).Element(V + "returnval")!.Value);
    }

    /// <summary>The root folder's triggered alarm states: (entity id, alarm id, status, acknowledged).</summary>
    public async Task<List<(string Entity, string Alarm, string Status, bool Acknowledged)>> TriggeredAlarmsAsync()
    {
        await EnsureLoginAsync();
        var root = _content!.Element(V + "rootFolder")!.Value;
        var states = (await RetrieveObjectAsync("Folder", root, ["triggeredAlarmState"])).GetValueOrDefault("triggeredAlarmState");
        return states?.Elements().Select(e => (e.Element(V + "entity")!.Value, e.Element(V + "alarm")!.Value, e.Element(V + "overallStatus")!.Value,
            e.Element(V + "acknowledged")?.Value == "true")).ToList() ?? [];
    }

    /// <summary>The task manager's recentTask ids.</summary>
    public async Task<List<string>> RecentTaskIdsAsync()
    {
        await EnsureLoginAsync();
        var manager = _content!.Element(V + "taskManager")!.Value;
        var recent = (await RetrieveObjectAsync("TaskManager", manager, ["recentTask"])).GetValueOrDefault("recentTask");
        return recent?.Elements().Select(e => e.Value).ToList() ?? [];
    }

    /// <summary>One host: id, maintenance mode, connection state and sensor names.</summary>
    public async Task<(string Id, bool InMaintenance, string Connection, List<string> Sensors)> HostAsync(string name)
    {
        var host = (await RetrieveAsync("HostSystem", ["name", "runtime.inMaintenanceMode", "runtime.connectionState", "runtime.healthSystemRuntime.systemHealthInfo.numericSensorInfo"]))
            .Single(h => h.Props["name"].Value == name);
        var sensors = host.Props.GetValueOrDefault("runtime.healthSystemRuntime.systemHealthInfo.numericSensorInfo")?.Elements().Select(e => e.Element(V + "name")!.Value).ToList() ?? [];
        return (host.Id, host.Props["runtime.inMaintenanceMode"].Value == "true", host.Props["runtime.connectionState"].Value, sensors);
    }

    /// <summary>A VM's notes (config.annotation), empty when it has none.</summary>
    public async Task<string> AnnotationAsync(string vmId)
    {
        await EnsureLoginAsync();
        return (await RetrieveObjectAsync("VirtualMachine", vmId, ["config.annotation"])).GetValueOrDefault("config.annotation")?.Value ?? string.Empty;
    }

    /// <summary>A VM's BIOS and instance UUIDs.</summary>
    public async Task<(string Uuid, string InstanceUuid)> VmUuidsAsync(string vmId)
    {
        await EnsureLoginAsync();
        var props = await RetrieveObjectAsync("VirtualMachine", vmId, ["config.uuid", "config.instanceUuid"]);
        return (props["config.uuid"].Value, props["config.instanceUuid"].Value);
    }

    /// <summary>Every event about a VM, read through an event collector: (key, type, message).</summary>
    public async Task<List<(long Key, string Type, string? Message)>> EventsAsync(string vmId)
    {
        await EnsureLoginAsync();
        var manager = _content!.Element(V + "eventManager")!.Value;
        var collector = (await CallAsync("CreateCollectorForEvents", "EventManager", manager,
            $"<filter><entity><entity type=\"VirtualMachine\">{vmId}</entity><recursion>self</recursion></entity></filter>")).Element(V + "returnval")!.Value;
        await CallAsync("RewindCollector", "EventHistoryCollector", collector, string.Empty);
        var events = new List<(long, string, string?)>();
        while (true)
        {
            var batch = (await CallAsync("ReadNextEvents", "EventHistoryCollector", collector, "<maxCount>1000</maxCount>")).Elements(V + "returnval").ToList();
            if (batch.Count == 0)
            {
                break;
            }

            events.AddRange(batch.Select(e => (long.Parse(e.Element(V + "key")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                ((string?)e.Attribute(Xsi + "type"))!.Split(':')[^1], e.Element(V + "fullFormattedMessage")?.Value)));
        }

        await CallAsync("DestroyCollector", "EventHistoryCollector", collector, string.Empty);
        return events;
    }

    /// <summary>Logs a user event on a VM, as an administrator's script would.</summary>
    public async Task PostUserEventAsync(string vmId, string message)
    {
        await EnsureLoginAsync();
        var manager = _content!.Element(V + "eventManager")!.Value;
        var text = SecurityElement.Escape(message);
        await CallAsync("PostEvent", "EventManager", manager,
            $"<eventToPost xsi:type=\"GeneralUserEvent\"><key>0</key><chainId>0</chainId><createdTime>{DateTime.UtcNow:o}</createdTime><userName></userName>" +
            $"<vm><name>{vmId}</name><vm type=\"VirtualMachine\">{vmId}</vm></vm><fullFormattedMessage>{text}</fullFormattedMessage><message>{text}</message></eventToPost>");
    }

    /// <summary>Sets a VM's annotation (notes) directly.</summary>
    public async Task SetAnnotationAsync(string vmId, string annotation)
    {
        await EnsureLoginAsync();
        await WaitTaskAsync((await CallAsync("ReconfigVM_Task", "VirtualMachine", vmId,
            $"<spec><annotation>{SecurityElement.Escape(annotation)}</annotation></spec>")).Element(V + "returnval")!.Value);
    }

    /// <summary>Terminates every session on the simulator except this inspector's own.</summary>
    public async Task<int> TerminateOtherSessionsAsync()
    {
        await EnsureLoginAsync();
        var sessionManager = _content!.Element(V + "sessionManager")!.Value;
        var props = await RetrieveObjectAsync("SessionManager", sessionManager, ["sessionList", "currentSession"]);
        var mine = props["currentSession"].Element(V + "key")!.Value;
        var others = props["sessionList"].Elements().Select(s => s.Element(V + "key")!.Value).Where(k => k != mine).ToList();
        if (others.Count > 0)
        {
            await CallAsync("TerminateSession", "SessionManager", sessionManager, string.Concat(others.Select(k => $"<sessionId>{k}</sessionId>")));
        }

        return others.Count;
    }

    private async Task WaitTaskAsync(string task)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var state = (await RetrieveObjectAsync("Task", task, ["info.state"]))["info.state"].Value;
            if (state is "success" or "error")
            {
                return;
            }

            // Used only for tasks vcsim finishes at once; bounded so a bug cannot hang the suite.
            await Task.Yield();
        }

        throw new TimeoutException("task " + task + " did not finish");
    }

    private sealed record Obj(string Id, Dictionary<string, XElement> Props);

    private async Task<List<Obj>> RetrieveAsync(string type, string[] paths)
    {
        await EnsureLoginAsync();
        var viewManager = _content!.Element(V + "viewManager")!.Value;
        var root = _content.Element(V + "rootFolder")!.Value;
        var view = (await CallAsync("CreateContainerView", "ViewManager", viewManager,
            $"<container type=\"Folder\">{root}</container><type>{type}</type><recursive>true</recursive>")).Element(V + "returnval")!.Value;
        var pathSet = string.Concat(paths.Select(p => $"<pathSet>{p}</pathSet>"));
        var body = $"<specSet><propSet><type>{type}</type>{pathSet}</propSet><objectSet><obj type=\"ContainerView\">{view}</obj><skip>true</skip>" +
                   "<selectSet xsi:type=\"TraversalSpec\"><name>v</name><type>ContainerView</type><path>view</path><skip>false</skip></selectSet></objectSet></specSet><options/>";
        var result = new List<Obj>();
        var response = await CallAsync("RetrievePropertiesEx", "PropertyCollector", _content.Element(V + "propertyCollector")!.Value, body);
        while (true)
        {
            var returnval = response.Element(V + "returnval");
            result.AddRange(returnval?.Elements(V + "objects").Select(ToObj) ?? []);
            var token = returnval?.Element(V + "token")?.Value;
            if (token is null)
            {
                break;
            }

            response = await CallAsync("ContinueRetrievePropertiesEx", "PropertyCollector", _content.Element(V + "propertyCollector")!.Value, $"<token>{token}</token>");
        }

        await CallAsync("DestroyView", "ContainerView", view, string.Empty);
        return result;
    }

    private async Task<Dictionary<string, XElement>> RetrieveObjectAsync(string type, string id, string[] paths)
    {
        var pathSet = string.Concat(paths.Select(p => $"<pathSet>{p}</pathSet>"));
        var response = await CallAsync("RetrievePropertiesEx", "PropertyCollector", _content!.Element(V + "propertyCollector")!.Value,
            $"<specSet><propSet><type>{type}</type>{pathSet}</propSet><objectSet><obj type=\"{type}\">{id}</obj></objectSet></specSet><options/>");
        return ToObj(response.Element(V + "returnval")!.Element(V + "objects")!).Props;
    }

    private static Obj ToObj(XElement objects) => new(
        objects.Element(V + "obj")!.Value,
        objects.Elements(V + "propSet").ToDictionary(p => p.Element(V + "name")!.Value, p => p.Element(V + "val")!));

    private async Task EnsureLoginAsync()
    {
        if (_content is not null)
        {
            return;
        }

        _content = (await CallAsync("RetrieveServiceContent", "ServiceInstance", "ServiceInstance", string.Empty)).Element(V + "returnval")!;
        await CallAsync("Login", "SessionManager", _content.Element(V + "sessionManager")!.Value,
            $"<userName>{SecurityElement.Escape(Simulator.User)}</userName><password>{SecurityElement.Escape(Simulator.Password)}</password>");
    }

    private async Task<XElement> CallAsync(string method, string type, string id, string body)
    {
        var envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
                       $"xmlns:xsi=\"{Xsi.NamespaceName}\"><soapenv:Body><{method} xmlns=\"urn:vim25\"><_this type=\"{type}\">{id}</_this>{body}</{method}></soapenv:Body></soapenv:Envelope>";
        using var response = await _http.PostAsync(_url, new StringContent(envelope, Encoding.UTF8, "text/xml"));
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var responseElement = document.Descendants().First(e => e.Name.LocalName == "Body").Elements().First();
        if (responseElement.Name.LocalName == "Fault")
        {
            throw new InvalidOperationException($"{method} failed: {responseElement}");
        }

        return responseElement;
    }

    public void Dispose() => _http.Dispose();
}
