using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VmwareMcp.Host.Audit;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Security;

/// <summary>A simulator and a host for the raw-bytes suite.</summary>
public sealed class HostileBytesTarget : SimulatedVcenter;

/// <summary>
/// Bodies sent as bytes, not as C# strings (System.Text.Json would replace a lone surrogate before it left),
/// over HTTP/1.1 and HTTP/2: invalid UTF-8 and lone or reversed surrogates, escaped or raw, in values, keys
/// and extra fields, get a clear 400 (REST) or JSON-RPC error (MCP), and nothing is changed in vSphere.
/// </summary>
public sealed class HostileBytesTests(HostileBytesTarget target) : IClassFixture<HostileBytesTarget>
{
    private const string Vm = "DC0_H0_VM0";

    /// <summary>Byte strings that are not valid text, each as it would sit inside a JSON string.</summary>
    public static TheoryData<string, string> Spoilers() => new()
    {
        { "escaped lone high surrogate", @"\ud800" },
        { "escaped lone low surrogate", @"\udc00" },
        { "escaped reversed pair", @"\udc00\ud800" },
        { "raw 0xff", "\\xff" },
        { "raw encoded surrogate", "\\xed\\xa0\\x80" },
        { "raw overlong slash", "\\xc0\\xaf" },
    };

    /// <summary>Each changing route with a valid body whose first value, an extra field, or a key is spoiled.</summary>
    private static readonly (string Method, string Path, string Body)[] Routes =
    [
        ("POST", "/api/v1/vms", """{"vm_label":"SPOIL","vcpus":1}"""),
        ("POST", "/api/v1/vms/clone", """{"source_identifier":"SPOIL","destination_label":"b-clone"}"""),
        ("POST", "/api/v1/vms/delete", """{"vm_identifier":"SPOIL","force":true}"""),
        ("POST", "/api/v1/vms/power", """{"vm_identifier":"SPOIL","desired_state":"POWER_OFF"}"""),
        ("POST", $"/api/v1/vms/{Vm}/reconfigure", """{"vcpus":2,"note":"SPOIL"}"""),
        ("POST", $"/api/v1/vms/{Vm}/snapshots", """{"name":"SPOIL"}"""),
        ("POST", "/api/v1/alarms/acknowledge", """{"entity_id":"SPOIL","alarm_id":"alarm-1"}"""),
        ("POST", "/api/v1/hosts/DC0_H0/maintenance", """{"enter":true,"note":"SPOIL"}"""),
        ("POST", $"/api/v1/vms/{Vm}/migrate", """{"host":"SPOIL"}"""),
        ("POST", $"/api/v1/vms/{Vm}/rename", """{"new_name":"SPOIL"}"""),
        ("PUT", $"/api/v1/vms/{Vm}/notes", """{"notes":"SPOIL"}"""),
        ("POST", "/api/v1/vms?dry_run=true", """{"vm_label":"SPOIL","cluster":"DC0_C0"}"""),
        ("POST", "/api/v1/vms/clone?wait=false", """{"source_identifier":"SPOIL","destination_label":"b-handoff"}"""),
        ("POST", "/api/v1/approvals/apr-000000000000/approve", """{"reason":"SPOIL"}"""),
        ("POST", "/api/v1/approvals/apr-000000000000/deny", """{"reason":"SPOIL"}"""),
        ("POST", "/api/v1/changes/no-such-change/undo", """{"note":"SPOIL"}"""),
        ("POST", "/api/v1/policies/reload", """{"note":"SPOIL"}"""),
        ("POST", "/api/v1/folders", """{"parent":"/DC0/vm","name":"SPOIL"}"""),
        ("POST", "/api/v1/folders/rename", """{"folder":"SPOIL","new_name":"b-folder"}"""),
        ("POST", "/api/v1/folders/delete", """{"folder":"SPOIL"}"""),
        ("POST", $"/api/v1/vms/{Vm}/folder", """{"folder":"SPOIL"}"""),
        ("POST", "/api/v1/resource-pools", """{"parent":"DC0_C0","name":"SPOIL"}"""),
        ("POST", "/api/v1/resource-pools/update", """{"pool":"SPOIL","cpu_limit_mhz":10}"""),
        ("POST", "/api/v1/resource-pools/delete", """{"pool":"SPOIL"}"""),
        ("POST", "/api/v1/custom-attributes", """{"name":"SPOIL"}"""),
        ("PUT", $"/api/v1/vms/{Vm}/attributes", """{"name":"SPOIL","value":"v"}"""),
        ("POST", "/api/v1/tag-categories", """{"name":"SPOIL"}"""),
        ("POST", "/api/v1/tags/attach", """{"tag":"SPOIL","object":"DC0_H0_VM0"}"""),
        ("POST", $"/api/v1/vms/{Vm}/disks", """{"size_gb":1,"controller":"SPOIL"}"""),
        ("PATCH", $"/api/v1/vms/{Vm}/nics/x", """{"network":"SPOIL"}"""),
        ("PUT", $"/api/v1/vms/{Vm}/cdrom", """{"iso":"SPOIL"}"""),
        ("POST", $"/api/v1/vms/{Vm}/customize", """{"os":"linux","host_name":"SPOIL"}"""),
        ("POST", "/api/v1/vms/clone", """{"source_identifier":"DC0_H0_VM0","destination_label":"x","customization":{"os":"linux","host_name":"SPOIL"}}"""),
        ("PATCH", $"/api/v1/vms/{Vm}/disks/x", """{"size_gb":5,"note":"SPOIL"}"""),
        ("POST", "/api/v1/vms/deploy-ovf", """{"source":"SPOIL","name":"b-ovf"}"""),
        ("POST", "/api/v1/vms/deploy-ovf", """{"source":"/x/tiny.ova","name":"b-ovf","network_mapping":{"appliance-net":"SPOIL"},"properties":{"SPOIL":"v"}}"""),
    ];

    [Theory]
    [MemberData(nameof(Spoilers))]
    public async Task Every_changing_route_answers_a_400_problem_over_http1_and_http2(string what, string spoiler)
    {
        using var client = target.Host.CreateClient();
        var before = await target.Inspector.VmNamedAsync(Vm);

        foreach (var version in new[] { HttpVersion.Version11, HttpVersion.Version20 })
        {
            foreach (var (method, path, body) in Routes)
            {
                foreach (var spoiled in new[] { body.Replace("SPOIL", spoiler, StringComparison.Ordinal), body.Replace("\"SPOIL\"", $"\"x\",\"extra\":\"{spoiler}\"", StringComparison.Ordinal), "{\"" + spoiler + "\":1," + body[1..] })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path)
                    {
                        Version = version,
                        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                        Content = new ByteArrayContent(Bytes(spoiled)) { Headers = { { "Content-Type", "application/json" } } },
                    };
                    using var response = await client.SendAsync(request);

                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {method} {path} {spoiled} over HTTP/{version} answered {(int)response.StatusCode}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.Contains("not valid Unicode text", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
                }
            }
        }

        var after = await target.Inspector.VmNamedAsync(Vm);
        Assert.Equal((before!.PowerState, before.NumCpu, before.Snapshots), (after!.PowerState, after.NumCpu, after.Snapshots));
    }

    [Fact]
    public async Task A_power_off_with_a_lone_surrogate_in_an_extra_field_is_refused_audited_and_not_made()
    {
        using var client = target.Host.CreateClient();
        var body = Bytes("""{"vm_identifier":"DC0_H0_VM1","desired_state":"POWER_OFF","note":"\udc00"}""");

        using var response = await client.PostAsync("/api/v1/vms/power", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });
        var records = await client.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=1000", Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("poweredOn", (await target.Inspector.VmNamedAsync("DC0_H0_VM1"))!.PowerState);
        Assert.Contains(records!, r => r is { Outcome: "refused", Status: 400 } && r.Operation.Contains("/api/v1/vms/power", StringComparison.Ordinal));
    }

    /// <summary>Raw JSON-RPC messages a client library would never send.</summary>
    public static TheoryData<string, string> McpMessages() => new()
    {
        { "lone surrogate in a value", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_vm","arguments":{"vm":"\ud800"}}}""" },
        { "lone surrogate in a key", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_vm","arguments":{"\udc00":"x","vm":"DC0_H0_VM0"}}}""" },
        { "lone surrogate in an extra argument", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"power_vm","arguments":{"vm":"DC0_H0_VM0","desired_state":"POWER_OFF","confirm":true,"note":"\udc00"}}}""" },
        { "lone surrogate in the tool name", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_vm\ud800"}}""" },
        { "lone surrogate in approval_id", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"rename_vm","arguments":{"vm":"DC0_H0_VM0","new_name":"x","approval_id":"\ud800"}}}""" },
        { "lone surrogate in undo_change's change_id", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"undo_change","arguments":{"change_id":"\udc00","confirm":true}}}""" },
        { "lone surrogate in move_vm_to_folder's folder", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"move_vm_to_folder","arguments":{"vm":"DC0_H0_VM0","folder":"/DC0/vm/\ud800"}}}""" },
        { "lone surrogate in create_resource_pool's name", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"create_resource_pool","arguments":{"parent":"DC0_C0","name":"\udc00"}}}""" },
        { "lone surrogate in set_vm_attribute's value", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"set_vm_attribute","arguments":{"vm":"DC0_H0_VM0","name":"a","value":"\ud800"}}}""" },
        { "lone surrogate in attach_tag's tag", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"attach_tag","arguments":{"tag":"c:\udc00","object":"DC0_H0_VM0"}}}""" },
        { "lone surrogate in add_vm_disk's controller", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"add_vm_disk","arguments":{"vm":"DC0_H0_VM0","size_gb":1,"controller":"\ud800"}}}""" },
        { "lone surrogate in customize_vm's host name", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"customize_vm","arguments":{"vm":"DC0_H0_VM0","customization":{"os":"linux","host_name":"\ud800"}}}}""" },
        { "lone surrogate in clone_vm's customization nics[0].ip", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"clone_vm","arguments":{"source_identifier":"DC0_H0_VM0","destination_label":"x","customization":{"os":"linux","host_name":"a","nics":[{"ip":"\udc00","subnet_mask":"255.255.255.0"}]}}}}""" },
        { "lone surrogate in customize_vm's admin_password", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"customize_vm","arguments":{"vm":"DC0_H0_VM0","customization":{"os":"windows","host_name":"W","admin_password":"\ud800"}}}}""" },
        { "lone surrogate in resize_vm_disk's disk", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"resize_vm_disk","arguments":{"vm":"DC0_H0_VM0","disk":"\ud800","size_gb":5}}}""" },
        { "lone surrogate in upgrade_vm_hardware's version", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"upgrade_vm_hardware","arguments":{"vm":"DC0_H0_VM0","version":"vmx-\udc00","confirm":true}}}""" },
        { "lone surrogate in mount_vm_iso's iso", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"mount_vm_iso","arguments":{"vm":"DC0_H0_VM0","iso":"[LocalDS_0] \udc00.iso"}}}""" },
        { "raw invalid UTF-8 in update_vm_nic's network", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"update_vm_nic\",\"arguments\":{\"vm\":\"DC0_H0_VM0\",\"nic\":\"x\",\"network\":\"\\xff\"}}}" },
        { "lone surrogate in deploy_ovf's source", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"deploy_ovf","arguments":{"source":"/x/\ud800.ova","name":"b-ovf"}}}""" },
        { "lone surrogate in deploy_ovf's network_mapping", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"deploy_ovf","arguments":{"source":"/x/tiny.ova","name":"b-ovf","network_mapping":{"\udc00":"VM Network"}}}}""" },
        { "lone surrogate in deploy_ovf's properties", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"deploy_ovf","arguments":{"source":"/x/tiny.ova","name":"b-ovf","properties":{"k":"\ud800"}}}}""" },
        { "raw invalid UTF-8 in inspect_ovf's source", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"inspect_ovf\",\"arguments\":{\"source\":\"/x/\\xff.ova\"}}}" },
        { "raw invalid UTF-8 in list_vms's folder", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"list_vms\",\"arguments\":{\"folder\":\"\\xff\"}}}" },
        { "raw invalid UTF-8", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"get_vm\",\"arguments\":{\"vm\":\"\\xff\"}}}" },
        { "arguments as a list", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_vm","arguments":[]}}""" },
        { "arguments as a string", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"get_vm","arguments":"vm=DC0_H0_VM0"}}""" },
        { "name missing", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"arguments":{}}}""" },
        { "name a number", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":5}}""" },
        { "params a list", """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":[]}""" },
    };

    [Theory]
    [MemberData(nameof(McpMessages))]
    public async Task A_hostile_mcp_message_gets_an_invalid_params_error_over_http1_and_http2(string what, string message)
    {
        using var client = target.Host.CreateClient();

        foreach (var version in new[] { HttpVersion.Version11, HttpVersion.Version20 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
            {
                Version = version,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new ByteArrayContent(Bytes(message)) { Headers = { { "Content-Type", "application/json" } } },
                Headers = { { "Accept", "application/json, text/event-stream" } },
            };
            using var response = await client.SendAsync(request);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what} over HTTP/{version} answered {(int)response.StatusCode}");
            Assert.Equal(-32602, answer.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(7, answer.GetProperty("id").GetInt32());
        }

        Assert.Equal("poweredOn", (await target.Inspector.VmNamedAsync(Vm))!.PowerState);
    }

    [Fact]
    public async Task Too_many_headers_get_a_431_over_http1_and_http2()
    {
        using var client = target.Host.CreateClient();

        foreach (var version in new[] { HttpVersion.Version11, HttpVersion.Version20 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/targets") { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
            for (var i = 0; i < 120; i++)
            {
                request.Headers.Add($"X-Filler-{i}", "v");
            }

            using var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.RequestHeaderFieldsTooLarge, $"HTTP/{version} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_nul_in_the_path_gets_a_400_over_http1()
    {
        using var client = target.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/vms/a%00b") { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_nul_in_the_path_over_http2_resets_only_its_stream_and_the_connection_serves_on()
    {
        // Kestrel refuses a :path that decodes to a NUL before any middleware runs, as RFC 9113 8.1.1 allows
        // for a malformed request: a PROTOCOL_ERROR reset of that stream. No option makes it a 400; what the
        // host can promise is that nothing else on the connection is lost.
        using var client = target.Host.CreateClient();
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/v1/vms/a%00b") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var good = new HttpRequestMessage(HttpMethod.Get, "/api/v1/targets") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var reset = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(bad));
        using var next = await client.SendAsync(good);

        Assert.Equal(HttpRequestError.HttpProtocolError, reset.HttpRequestError);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    /// <summary>The message's bytes: text as UTF-8, except <c>\xNN</c>, which stands for the raw byte NN.</summary>
    private static byte[] Bytes(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 2, 2), 16));
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return [.. bytes];
    }
}
