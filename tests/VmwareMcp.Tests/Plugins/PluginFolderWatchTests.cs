using System.Net.Http.Json;
using VmwareMcp.Host.Plugins;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Plugins;

/// <summary>With <c>plugins_watch</c> on (the default; other tests turn it off), the folder itself is the control: no reload call.</summary>
public sealed class PluginFolderWatchTests : IAsyncLifetime
{
    private PluginsFolder _plugins = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _plugins = PluginsFolder.WithBuiltPlugins();
        _host = await TestHost.StartAsync(TestHost.SettingsFor(null, "plugins_watch: true"), _plugins.Path);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<bool> IsLoadedAsync(string name)
    {
        using var client = _host.CreateClient();
        var plugins = await client.GetFromJsonAsync<List<PluginStatus>>("/api/v1/plugins", Json.Options);
        return plugins!.Any(p => p.Name == name && p.State == "loaded");
    }

    [Fact]
    public async Task A_plugin_folder_moved_in_is_loaded_and_moved_out_is_unloaded_without_a_restart()
    {
        _plugins.Drop(Path.Combine(RepositoryPaths.Samples, "YamlInventory"));
        Assert.True(await Eventually.HoldsAsync(() => IsLoadedAsync("YamlInventory"), TimeSpan.FromSeconds(30)), "the dropped-in plugin was not loaded");

        _plugins.Remove("YamlInventory");

        Assert.True(await Eventually.HoldsAsync(async () => !await IsLoadedAsync("YamlInventory"), TimeSpan.FromSeconds(30)), "the removed plugin was not unloaded");
    }
}
