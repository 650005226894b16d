using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using VmwareMcp.Host.Plugins;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Plugins;

/// <summary>
/// Plugins dropped into and removed from the plugins folder of a running host, rescanned through
/// <c>POST /api/v1/plugins/reload</c> (the watcher is off here so each step is explicit).
/// The plugin is the YamlInventory sample: a third-party provider with its own YamlDotNet.
/// </summary>
public sealed class DropInPluginTests : IAsyncLifetime
{
    private const string Sample = "YamlInventory";
    private PluginsFolder _plugins = null!;
    private TestHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _plugins = PluginsFolder.WithBuiltPlugins();
        _host = await TestHost.StartAsync(
            TestHost.SettingsForPluginTarget("yaml", "yaml-inventory"),
            _plugins.Path);
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<PluginReload> ReloadAsync()
    {
        using var response = await _client.PostAsync("/api/v1/plugins/reload", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PluginReload>(Json.Options))!;
    }

    private async Task<PluginReload> DropSampleAsync()
    {
        _plugins.Drop(Path.Combine(RepositoryPaths.Samples, Sample));
        return await ReloadAsync();
    }

    [Fact]
    public async Task A_folder_dropped_in_is_loaded_by_a_reload()
    {
        var reload = await DropSampleAsync();

        Assert.Single(reload.Loaded, f => f.EndsWith(Sample, StringComparison.Ordinal));
        Assert.Equal("loaded", reload.Plugins.Single(p => p.Name == Sample).State);
    }

    [Fact]
    public async Task A_dropped_in_plugins_tools_reach_a_connected_client_with_list_changed()
    {
        await using var mcp = await _host.ConnectMcpAsync(HttpTransportMode.Sse);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = mcp.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            changed.TrySetResult();
            return ValueTask.CompletedTask;
        });
        Assert.DoesNotContain("yaml_inventory_about", (await mcp.ListToolsAsync()).Select(t => t.Name));

        await DropSampleAsync();

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("yaml_inventory_about", (await mcp.ListToolsAsync()).Select(t => t.Name));
    }

    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp)]
    [InlineData(HttpTransportMode.Sse)]
    public async Task A_dropped_in_plugins_tool_answers_with_its_own_services(HttpTransportMode mode)
    {
        await DropSampleAsync();
        await using var mcp = await _host.ConnectMcpAsync(mode);

        var about = await mcp.CallAsync<JsonElement>("yaml_inventory_about");

        Assert.EndsWith("inventory.yaml", about.GetProperty("inventory_file").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dropped_in_plugins_routes_answer()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/yaml-inventory/about")).StatusCode);

        await DropSampleAsync();

        using var response = await _client.GetAsync("/api/v1/yaml-inventory/about");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_dropped_in_provider_serves_its_targets_through_the_front_door()
    {
        await DropSampleAsync();

        var page = await _client.GetFromJsonAsync<JsonElement>("/api/v1/vms?target=yaml&power_state=poweredOn", Json.Options);

        Assert.Equal(["yaml-web-01", "yaml-web-02"], page.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).Order());
    }

    [Fact]
    public async Task The_sample_reads_yaml_with_its_own_YamlDotNet_beside_the_hosts_newer_major()
    {
        await DropSampleAsync();

        var about = await _client.GetFromJsonAsync<JsonElement>("/api/v1/yaml-inventory/about", Json.Options);

        var theirs = new Version(about.GetProperty("yaml_library_version").GetString()!);
        var ours = typeof(YamlDotNet.Serialization.Deserializer).Assembly.GetName().Version!;
        Assert.Equal(13, theirs.Major);
        Assert.True(ours.Major > theirs.Major, $"the host's YamlDotNet is {ours}");
    }

    [Fact]
    public async Task Removing_the_folder_unloads_the_plugin_its_tools_and_its_routes()
    {
        await DropSampleAsync();
        await using var mcp = await _host.ConnectMcpAsync(HttpTransportMode.Sse);
        Assert.Contains("yaml_inventory_about", (await mcp.ListToolsAsync()).Select(t => t.Name));

        _plugins.Remove(Sample);
        var reload = await ReloadAsync();

        Assert.Single(reload.Unloaded);
        Assert.DoesNotContain(reload.Plugins, p => p.Name == Sample);
        Assert.DoesNotContain("yaml_inventory_about", (await mcp.ListToolsAsync()).Select(t => t.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/yaml-inventory/about")).StatusCode);
    }

    [Fact]
    public async Task Unloading_a_used_plugin_releases_its_load_context()
    {
        await DropSampleAsync();
        var context = LoadContextOf("VmwareMcp.Samples.YamlInventory");
        await using (var mcp = await _host.ConnectMcpAsync(HttpTransportMode.StreamableHttp))
        {
            await mcp.CallAsync<JsonElement>("yaml_inventory_about");
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/yaml-inventory/about")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/vms?target=yaml")).StatusCode);

        _plugins.Remove(Sample);
        await ReloadAsync();

        // Unloading ends when the last reference goes: the client's session and connections are torn down
        // asynchronously on the server, so collect until the context is gone (a fixed 20 collections, 11 s under load, once fell short in CI).
        var released = await Eventually.HoldsAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return Task.FromResult(!context.IsAlive);
        }, TimeSpan.FromSeconds(60));

        Assert.True(released, "the plugin's AssemblyLoadContext is still referenced 60 s after unloading");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference LoadContextOf(string assembly) =>
        // Other tests load the same sample into their own hosts: take the copy from this test's plugins folder.
        new(System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(AppDomain.CurrentDomain.GetAssemblies()
            .Single(a => a.GetName().Name == assembly && a.Location.StartsWith(_plugins.Path, StringComparison.Ordinal)))!);

    [Fact]
    public async Task After_unloading_its_provider_the_target_reports_that_no_plugin_serves_it()
    {
        await DropSampleAsync();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/vms?target=yaml")).StatusCode);

        _plugins.Remove(Sample);
        await ReloadAsync();

        using var response = await _client.GetAsync("/api/v1/vms?target=yaml");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("yaml-inventory", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_dropped_in_again_after_removal_loads_again()
    {
        await DropSampleAsync();
        _plugins.Remove(Sample);
        await ReloadAsync();

        var reload = await DropSampleAsync();

        Assert.Single(reload.Loaded);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/yaml-inventory/about")).StatusCode);
    }

    [Fact]
    public async Task A_broken_plugin_dropped_in_is_reported_and_the_others_keep_serving()
    {
        _plugins.DropFiles("Garbage", new Dictionary<string, string>
        {
            ["Garbage.dll"] = "this is not an assembly",
            ["plugin.json"] = """{"name": "Garbage", "entry_assembly": "Garbage.dll", "contract_version": "2.0"}""",
        });

        var reload = await ReloadAsync();

        var garbage = reload.Plugins.Single(p => p.Name == "Garbage");
        Assert.Equal("failed", garbage.State);
        Assert.Contains("not a .NET assembly", garbage.Error, StringComparison.Ordinal);
        Assert.All(reload.Plugins.Where(p => p.Name != "Garbage"), p => Assert.Equal("loaded", p.State));
        await using var mcp = await _host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        Assert.Contains("list_clusters", (await mcp.ListToolsAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task A_plugin_whose_tool_name_is_taken_is_refused_and_the_served_tool_stays()
    {
        _plugins.Drop(Path.Combine(RepositoryPaths.Samples, Sample));
        _plugins.Drop(Path.Combine(RepositoryPaths.Samples, Sample), "YamlInventoryCopy");

        var reload = await ReloadAsync();

        var copy = reload.Plugins.Single(p => p.Folder.EndsWith("YamlInventoryCopy", StringComparison.Ordinal));
        Assert.Equal("failed", copy.State);
        Assert.Contains("yaml_inventory_about", copy.Error, StringComparison.Ordinal);
        await using var mcp = await _host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        Assert.Contains("yaml_inventory_about", (await mcp.ListToolsAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task Reloading_needs_the_admin_scope()
    {
        using var anonymous = _host.CreateClient(token: null);

        using var response = await anonymous.PostAsync("/api/v1/plugins/reload", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
