using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Plugins;

/// <summary>
/// A simulator behind a host with the built plugins and a third party's PolicyProbe plugin, a target
/// <c>locked</c> that is read-only (the same simulator), and an operate token.
/// </summary>
public sealed class ProbedHost : IAsyncLifetime
{
    public const string Operator = "probe-operator-4e2b";

    public Simulator Simulator { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public SimulatorInspector Inspector { get; private set; } = null!;

    public static string PluginsWithProbe()
    {
        var folder = PluginsFolder.WithBuiltPlugins();
        folder.Drop(Path.Combine(RepositoryPaths.TestPlugins, "PolicyProbe"));
        return folder.Path;
    }

    public async Task InitializeAsync()
    {
        Simulator = await Simulator.StartAsync();
        Host = await TestHost.StartAsync(TestHost.SettingsFor(Simulator, $"""
            tokens:
              - name: operator
                token: "{Operator}"
                scopes: [read, operate]
            targets:
              - name: locked
                vcenter_endpoint: "{Simulator.Url}"
                login_credential: "{Simulator.User}"
                secret_key: "{Simulator.Password}"
                verify_ssl_cert: false
                read_only: true
            """), PluginsWithProbe());
        Inspector = new SimulatorInspector(Simulator);
    }

    public async Task DisposeAsync()
    {
        Inspector.Dispose();
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

/// <summary>The one policy boundary holds for a third party's tools and routes as for the host's.</summary>
public sealed class PolicyBoundaryTests(ProbedHost fixture) : IClassFixture<ProbedHost>
{
    [Fact]
    public async Task Every_changing_tool_of_every_plugin_is_refused_on_a_read_only_target()
    {
        await using var mcp = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var before = (await fixture.Inspector.VmsAsync()).Select(v => (v.Name, v.PowerState, v.NumCpu, v.Snapshots)).ToHashSet();
        var changing = (await mcp.ListToolsAsync()).Where(t => t.ProtocolTool.Annotations?.ReadOnlyHint != true).ToList();

        Assert.Contains(changing, t => t.Name == "probe_create_vm");
        foreach (var tool in changing)
        {
            var arguments = new Dictionary<string, object?> { ["target"] = "locked", ["confirm"] = true };
            foreach (var required in tool.JsonSchema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!) : [])
            {
                arguments.TryAdd(required, required is "enter" ? true : required is "desired_state" ? "POWER_OFF" : "DC0_H0_VM0");
            }

            var message = await mcp.CallExpectingErrorAsync(tool.Name, arguments);

            Assert.Contains("read-only", message, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await fixture.Inspector.VmsAsync()).Select(v => (v.Name, v.PowerState, v.NumCpu, v.Snapshots)).ToHashSet());
    }

    [Fact]
    public async Task A_plugins_changing_route_is_refused_on_a_read_only_target()
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/probe/vms?target=locked", new { name = "probe-locked" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("read-only", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await fixture.Inspector.VmNamedAsync("probe-locked"));
    }

    [Fact]
    public async Task With_read_only_set_globally_a_plugins_changing_tool_is_refused()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(fixture.Simulator, "read_only: true"), ProbedHost.PluginsWithProbe());
        await using var mcp = await host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var message = await mcp.CallExpectingErrorAsync("probe_create_vm", new { name = "probe-global" });

        Assert.Contains("read-only", message, StringComparison.Ordinal);
        Assert.Null(await fixture.Inspector.VmNamedAsync("probe-global"));
    }

    [Fact]
    public async Task A_plugin_tool_declared_admin_is_hidden_from_and_refused_to_an_operate_token()
    {
        await using var mcp = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, ProbedHost.Operator);

        var tools = await mcp.ListToolsAsync();
        var message = await mcp.CallExpectingErrorAsync("probe_admin_read");

        Assert.DoesNotContain(tools, t => t.Name == "probe_admin_read");
        Assert.Contains(tools, t => t.Name == "probe_create_vm");
        Assert.Contains("'admin' scope", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugins_destructive_tool_previews_until_confirmed()
    {
        using var client = fixture.Host.CreateClient();
        await client.PostAsJsonAsync("/api/v1/vms?target=default", new { vm_label = "probe-doomed" });
        await using var mcp = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var preview = await mcp.PreviewAsync("probe_delete_vm", new { vm = "probe-doomed", target = "default" });
        Assert.StartsWith("Would run probe_delete_vm", preview, StringComparison.Ordinal);
        Assert.NotNull(await fixture.Inspector.VmNamedAsync("probe-doomed"));

        await mcp.CallAsync<JsonElement>("probe_delete_vm", new { vm = "probe-doomed", target = "default", confirm = true });
        Assert.Null(await fixture.Inspector.VmNamedAsync("probe-doomed"));
    }

    [Fact]
    public async Task A_plugins_destructive_tool_lists_the_confirm_argument()
    {
        await using var mcp = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var tool = (await mcp.ListToolsAsync()).Single(t => t.Name == "probe_delete_vm");

        Assert.True(tool.JsonSchema.GetProperty("properties").TryGetProperty("confirm", out _));
    }

    [Fact]
    public async Task A_plugins_destructive_route_previews_on_dry_run_and_does_nothing()
    {
        using var client = fixture.Host.CreateClient();
        await client.PostAsJsonAsync("/api/v1/vms?target=default", new { vm_label = "probe-kept" });

        var preview = await client.DeleteFromJsonAsync<JsonElement>("/api/v1/probe/vms/probe-kept?dry_run=true&target=default");

        Assert.True(preview.GetProperty("dry_run").GetBoolean());
        Assert.NotNull(await fixture.Inspector.VmNamedAsync("probe-kept"));
    }

    [Fact]
    public async Task A_plugins_change_is_audited_with_its_declared_subject()
    {
        using var client = fixture.Host.CreateClient();

        await client.PostAsJsonAsync("/api/v1/probe/vms?target=default", new { name = "probe-audited" });
        var records = await client.GetFromJsonAsync<List<Host.Audit.AuditRecord>>("/api/v1/audit?vm=probe-audited", Json.Options);

        var record = Assert.Single(records!);
        Assert.Equal("ok", record.Outcome);
        Assert.NotNull(record.After);
    }
}
