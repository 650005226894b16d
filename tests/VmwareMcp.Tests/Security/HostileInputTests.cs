using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Security;

/// <summary>A simulator and a host for the hostile-input suite.</summary>
public sealed class HostileTarget : SimulatedVcenter;

public sealed class HostileInputTests(HostileTarget target) : IClassFixture<HostileTarget>, IAsyncLifetime
{
    private const string Vm = "DC0_H0_VM0";
    private HashSet<string> _before = [];

    public async Task InitializeAsync() => _before = (await target.Inspector.VmsAsync()).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>After each test: only VMs named by a valid request appeared, and nothing went unhandled.</summary>
    public async Task DisposeAsync()
    {
        var allowed = HostileValues.AllowedNames();
        var appeared = (await target.Inspector.VmsAsync()).Where(v => !_before.Contains(v.Id)).ToList();
        Assert.All(appeared, v => Assert.Contains(v.Name, allowed));
        Assert.DoesNotContain(target.Host.Logs.Lines, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    /// <summary>Each REST route with a body: a valid body, and the fields to spoil one at a time.</summary>
    public static TheoryData<string, string, string> BodyFields()
    {
        var data = new TheoryData<string, string, string>();
        void Add(string method, string path, string body)
        {
            foreach (var field in JsonNode.Parse(body)!.AsObject().Select(p => p.Key))
            {
                data.Add($"{method} {path}", body, field);
            }
        }

        Add("POST", "/api/v1/vms", """{"vm_label":"h-create","vcpus":1,"ram_mib":128,"target_ds":"LocalDS_0","target_net":"VM Network","disk_gb":1,"power_on":false}""");
        Add("POST", "/api/v1/vms/clone", """{"source_identifier":"DC0_H0_VM1","destination_label":"h-clone","datastore":"LocalDS_0","power_on":false,"as_template":false}""");
        Add("POST", "/api/v1/vms/delete?dry_run=true", """{"vm_identifier":"DC0_H0_VM1","force":false}""");
        Add("POST", "/api/v1/vms/power", """{"vm_identifier":"DC0_H0_VM1","desired_state":"POWER_ON"}""");
        Add("POST", $"/api/v1/vms/{Vm}/reconfigure", """{"vcpus":1,"ram_mib":64}""");
        Add("POST", $"/api/v1/vms/{Vm}/snapshots", """{"name":"h-snap","description":"d","memory":false,"quiesce":false}""");
        Add("POST", "/api/v1/alarms/acknowledge", """{"entity_id":"host-21","alarm_id":"alarm-1"}""");
        Add("POST", "/api/v1/hosts/DC0_H0/maintenance?dry_run=true", """{"enter":true}""");
        Add("POST", $"/api/v1/vms/{Vm}/migrate", """{"host":"DC0_H0","datastore":"LocalDS_0"}""");
        // A VM no other case names: a hostile value that is a valid name renames it, which is a success.
        Add("POST", "/api/v1/vms/DC0_C0_RP0_VM1/rename", """{"new_name":"h-renamed"}""");
        Add("PUT", "/api/v1/vms/DC0_C0_RP0_VM1/notes", """{"notes":"h-notes"}""");
        Add("POST", "/api/v1/folders", """{"parent":"/DC0/vm","name":"h-folder"}""");
        Add("POST", "/api/v1/folders/rename", """{"folder":"/DC0/vm/h-nowhere","new_name":"h-folder2"}""");
        Add("POST", "/api/v1/folders/delete?dry_run=true", """{"folder":"/DC0/vm","force":false}""");
        Add("POST", "/api/v1/vms/DC0_C0_RP0_VM1/folder", """{"folder":"/DC0/vm"}""");
        Add("POST", "/api/v1/resource-pools", """{"parent":"DC0_C0","name":"h-pool","cpu_shares":"high","cpu_reservation_mhz":10,"memory_limit_mib":64,"memory_expandable":true}""");
        Add("POST", "/api/v1/resource-pools/update", """{"pool":"/DC0/host/DC0_C0/Resources/h-nowhere","cpu_limit_mhz":100}""");
        Add("POST", "/api/v1/resource-pools/delete?dry_run=true", """{"pool":"/DC0/host/DC0_C0/Resources"}""");
        Add("POST", "/api/v1/custom-attributes", """{"name":"h-attr","object_type":"VirtualMachine"}""");
        Add("POST", "/api/v1/custom-attributes/remove?dry_run=true", """{"name":"h-attr"}""");
        Add("PUT", "/api/v1/vms/DC0_C0_RP0_VM1/attributes", """{"name":"h-attr","value":"v"}""");
        Add("POST", "/api/v1/tag-categories", """{"name":"h-cat","cardinality":"SINGLE","associable_types":["vm"]}""");
        Add("POST", "/api/v1/tags", """{"category":"h-cat","name":"h-tag"}""");
        Add("POST", "/api/v1/tags/attach", """{"tag":"h-cat:h-tag","object":"DC0_C0_RP0_VM1","object_type":"vm"}""");
        return data;
    }

    [Theory]
    [MemberData(nameof(BodyFields))]
    public async Task Every_hostile_value_in_every_body_field_is_a_4xx_or_a_success_never_a_5xx(string route, string validBody, string field)
    {
        using var client = target.Host.CreateClient();
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);

        foreach (var value in HostileValues.All())
        {
            var body = JsonNode.Parse(validBody)!.AsObject();
            body[field] = value?.DeepClone();
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            });

            Assert.True((int)response.StatusCode < 500 || response.StatusCode is HttpStatusCode.NotImplemented,
                $"{route} with {field}={Describe(value)} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if ((int)response.StatusCode >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Theory]
    [InlineData("/api/v1/vms")]
    [InlineData("/api/v1/vms/clone")]
    [InlineData("/api/v1/vms/delete")]
    [InlineData("/api/v1/vms/power")]
    [InlineData("/api/v1/vms/DC0_H0_VM0/disks")]
    [InlineData("/api/v1/vms/DC0_H0_VM0/nics")]
    public async Task Malformed_bodies_are_400_problems(string path)
    {
        using var client = target.Host.CreateClient();

        foreach (var body in HostileValues.Bodies())
        {
            var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} with body {body[..Math.Min(40, body.Length)]} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("GET", "/api/v1/vms/{0}")]
    [InlineData("DELETE", "/api/v1/vms/{0}?dry_run=true")]
    [InlineData("GET", "/api/v1/vms/{0}/snapshots")]
    [InlineData("POST", "/api/v1/vms/DC0_H0_VM0/snapshots/{0}/revert?dry_run=true")]
    [InlineData("GET", "/metrics/v1/vm/{0}/current")]
    [InlineData("GET", "/api/v1/vms?name={0}&power_state={0}&limit={0}&offset={0}&target={0}")]
    [InlineData("GET", "/api/v1/tasks/{0}")]
    [InlineData("GET", "/api/v1/hosts/{0}/health")]
    [InlineData("GET", "/api/v1/events?entity={0}&severity={0}&since={0}&until={0}&limit={0}&offset={0}&type={0}")]
    [InlineData("GET", "/api/v1/vms/search?ip={0}")]
    [InlineData("GET", "/api/v1/vms/search?inventory_path={0}")]
    [InlineData("GET", "/api/v1/vms/search?uuid={0}&instance_uuid={0}")]
    [InlineData("GET", "/api/v1/datastores/{0}/files")]
    [InlineData("GET", "/api/v1/datastores/LocalDS_0/files?folder={0}&pattern={0}")]
    [InlineData("POST", "/api/v1/tasks/{0}/cancel")]
    [InlineData("DELETE", "/api/v1/vms/DC0_H0_VM0/disks/{0}?dry_run=true")]
    [InlineData("DELETE", "/api/v1/vms/DC0_H0_VM0/nics/{0}?dry_run=true")]
    [InlineData("POST", "/api/v1/vms/{0}/upgrade?dry_run=true")]
    public async Task Hostile_values_in_the_url_are_4xx_never_5xx(string method, string template)
    {
        using var client = target.Host.CreateClient();

        foreach (var value in HostileValues.All().OfType<JsonValue>().Where(v => v.TryGetValue<string>(out var s) && s.Length < 10_000))
        {
            var text = value.GetValue<string>();
            var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(text));
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

            Assert.True((int)response.StatusCode < 500 || response.StatusCode is HttpStatusCode.NotImplemented,
                $"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Every MCP tool the host offers, with the names of its parameters.</summary>
    public static TheoryData<string> Tools() =>
    [
        "list_vms", "get_vm", "create_vm", "clone_vm", "delete_vm", "power_vm", "reconfigure_vm", "list_snapshots", "create_snapshot",
        "revert_snapshot", "remove_snapshot", "list_hosts", "list_datastores", "list_networks", "list_templates", "list_datacenters",
        "list_targets", "list_clusters", "get_esxi_host", "get_vm_metrics", "get_host_metrics", "get_datastore_usage", "list_performance_counters",
        "list_alarms", "acknowledge_alarm", "query_events", "list_tasks", "get_task", "get_host_health", "set_maintenance_mode", "migrate_vm",
        "investigate_vm", "investigate_host", "find_vms", "browse_datastore", "cancel_task", "rename_vm", "set_vm_notes",
        "list_folders", "create_folder", "rename_folder", "delete_folder", "move_vm_to_folder",
        "list_resource_pools", "create_resource_pool", "update_resource_pool", "delete_resource_pool",
        "list_custom_attributes", "define_custom_attribute", "remove_custom_attribute", "set_vm_attribute",
        "list_tag_categories", "create_tag_category", "delete_tag_category", "list_tags", "create_tag", "delete_tag", "attach_tag", "detach_tag",
        "add_vm_disk", "resize_vm_disk", "remove_vm_disk", "add_vm_nic", "update_vm_nic", "remove_vm_nic", "mount_vm_iso", "eject_vm_iso", "upgrade_vm_hardware",
        "list_customization_specs", "customize_vm", "wait_for_guest", "inspect_ovf", "deploy_ovf",
    ];

    [Theory]
    [MemberData(nameof(Tools))]
    public async Task Every_hostile_argument_to_every_tool_is_a_result_never_a_protocol_failure(string tool)
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var schema = (await mcp.ListToolsAsync()).Single(t => t.Name == tool).JsonSchema;
        var parameters = schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).ToList() : [];

        foreach (var parameter in parameters)
        {
            foreach (var value in HostileValues.All())
            {
                var arguments = new Dictionary<string, object?> { [parameter] = value is null ? null : JsonSerializer.Deserialize<JsonElement>(value.ToJsonString()) };
                if (parameter != "confirm")
                {
                    arguments["confirm"] = false; // Destructive tools only preview, so the suite never destroys the fixture.
                }

                try
                {
                    var result = await mcp.CallToolAsync(tool, arguments);
                    if (result.IsError == true)
                    {
                        Assert.DoesNotContain("An error occurred invoking", McpCalls.Text(result), StringComparison.Ordinal);
                    }
                }
                catch (McpException ex)
                {
                    Assert.Fail($"{tool}({parameter}={Describe(value)}) failed at the protocol level: {ex.Message}");
                }
            }
        }
    }

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
