using System.Net;
using System.Net.Http.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Host.Plugins;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Plugins;

/// <summary>A plugins folder with the real plugins plus a garbage DLL, a throwing entry point and an escaping manifest.</summary>
public sealed class BrokenPluginTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        var plugins = PluginsFolder.WithBuiltPlugins().Path;
        PluginsFolder.CopyFolder(Path.Combine(RepositoryPaths.TestPlugins, "Throwing"), Path.Combine(plugins, "Throwing"));
        Directory.CreateDirectory(Path.Combine(plugins, "Garbage"));
        await File.WriteAllTextAsync(Path.Combine(plugins, "Garbage", "Garbage.dll"), "this is not an assembly");
        await File.WriteAllTextAsync(Path.Combine(plugins, "Garbage", "plugin.json"), """{"name": "Garbage", "entry_assembly": "Garbage.dll", "contract_version": "2.0"}""");
        Directory.CreateDirectory(Path.Combine(plugins, "Unnamed"));
        await File.WriteAllTextAsync(Path.Combine(plugins, "Unnamed", "Unnamed.dll"), "no manifest beside it");
        Directory.CreateDirectory(Path.Combine(plugins, "Escaping"));
        await File.WriteAllTextAsync(Path.Combine(plugins, "Escaping", "plugin.json"), """{"name": "Escaping", "entry_assembly": "../Vcenter/VmwareMcp.Plugins.Vcenter.dll", "contract_version": "2.0"}""");
        Directory.CreateDirectory(Path.Combine(plugins, "FutureContract"));
        await File.WriteAllTextAsync(Path.Combine(plugins, "FutureContract", "plugin.json"), """{"name": "FutureContract", "contract_version": "3.0"}""");
        _host = await TestHost.StartAsync(TestHost.SettingsFor(null), plugins);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<PluginStatus> StatusOf(string name)
    {
        using var client = _host.CreateClient();
        var all = await client.GetFromJsonAsync<List<PluginStatus>>("/api/v1/plugins", Json.Options);
        return all!.Single(p => p.Name == name);
    }

    [Fact]
    public async Task A_garbage_dll_is_listed_as_failed_with_the_reason()
    {
        var status = await StatusOf("Garbage");

        Assert.Equal("failed", status.State);
        Assert.Contains("not a .NET assembly", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_plugin_json_is_refused_with_the_reason()
    {
        var status = await StatusOf("Unnamed");

        Assert.Equal("failed", status.State);
        Assert.Contains("no plugin.json", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_point_that_throws_is_listed_as_failed_with_its_message()
    {
        var status = await StatusOf("Throwing");

        Assert.Equal("failed", status.State);
        Assert.Contains("deliberate failure in ConfigureServices", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_assembly_outside_the_plugin_folder_is_refused()
    {
        var status = await StatusOf("Escaping");

        Assert.Equal("failed", status.State);
        Assert.Contains("inside the plugin folder", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_built_for_another_contract_major_version_is_refused()
    {
        var status = await StatusOf("FutureContract");

        Assert.Equal("failed", status.State);
        Assert.Contains("contract 3.0", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_good_plugins_keep_serving_beside_the_broken_ones()
    {
        Assert.Equal("loaded", (await StatusOf("Vcenter")).State);
        await using var mcp = await _host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var names = (await mcp.ListToolsAsync()).Select(t => t.Name).ToList();

        Assert.Contains("list_clusters", names);
        Assert.Contains("get_datastore_usage", names);
    }

    [Fact]
    public void The_failure_is_logged_with_the_plugin_name()
    {
        Assert.Contains(_host.Logs.Lines, l => l.Contains("\"Throwing\"", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal));
    }
}
