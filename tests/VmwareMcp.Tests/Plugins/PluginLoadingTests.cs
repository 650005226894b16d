using System.Net.Http.Json;
using System.Runtime.Loader;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Plugins;
using VmwareMcp.Host.Plugins;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Plugins;

public sealed class PluginLoadingTests(SimulatedVcenter vcenter) : IClassFixture<SimulatedVcenter>
{
    private IReadOnlyList<LoadedPlugin> Loaded => vcenter.Host.Services.GetRequiredService<PluginCatalog>().Loaded;

    [Fact]
    public void The_built_in_plugins_load_from_disk()
    {
        Assert.Equal(["Console", "Core", "Esxi", "Telemetry", "Vcenter"], Loaded.Select(p => p.Name).Order());
    }

    [Fact]
    public void Each_plugin_has_its_own_load_context_and_none_is_the_default()
    {
        var contexts = Loaded.Select(p => AssemblyLoadContext.GetLoadContext(p.Assembly)!).ToList();

        Assert.DoesNotContain(AssemblyLoadContext.Default, contexts);
        Assert.Equal(contexts.Count, contexts.Distinct().Count());
    }

    [Fact]
    public void The_contract_type_is_the_hosts_own_in_every_plugin()
    {
        foreach (var plugin in Loaded)
        {
            var contract = plugin.Assembly.GetExportedTypes().Single(t => t.GetInterface(nameof(IVmwareMcpPlugin)) is not null).GetInterface(nameof(IVmwareMcpPlugin));
            Assert.Same(typeof(IVmwareMcpPlugin), contract);
        }
    }

    [Fact]
    public void Plugins_ship_no_copy_of_the_contract_or_the_mcp_sdk()
    {
        foreach (var plugin in Loaded)
        {
            var files = Directory.GetFiles(plugin.Folder).Select(Path.GetFileName).ToList();
            Assert.DoesNotContain("VmwareMcp.Abstractions.dll", files);
            Assert.DoesNotContain(files, f => f!.StartsWith("ModelContextProtocol", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_plugins_route_lists_each_plugin_as_loaded()
    {
        using var client = vcenter.Host.CreateClient();

        var plugins = await client.GetFromJsonAsync<List<PluginStatus>>("/api/v1/plugins", Json.Options);

        Assert.Equal(5, plugins!.Count);
        Assert.All(plugins, p => Assert.Equal("loaded", p.State));
        Assert.All(plugins, p => Assert.Equal("0.1.0", p.Version));
    }

    [Fact]
    public async Task Tools_contributed_by_plugins_appear_in_tools_list()
    {
        await using var mcp = await vcenter.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var names = (await mcp.ListToolsAsync()).Select(t => t.Name).ToList();

        Assert.Contains("list_clusters", names);       // Vcenter plugin
        Assert.Contains("get_esxi_host", names);       // Esxi plugin
        Assert.Contains("get_datastore_usage", names); // Telemetry plugin
    }

    [Fact]
    public async Task The_log_never_holds_the_password_or_the_token()
    {
        using var client = vcenter.Host.CreateClient();
        await client.GetAsync("/api/v1/vms");
        await using var mcp = await vcenter.Host.ConnectMcpAsync(HttpTransportMode.Sse);
        await mcp.ListToolsAsync();

        Assert.Contains(vcenter.Host.Logs.Lines, l => l.Contains("Logged in to target", StringComparison.Ordinal));
        vcenter.Host.Logs.AssertContainsNone(TestHost.Token, VmwareMcp.Tests.Harness.Simulator.Password);
    }

    [Fact]
    public async Task Routes_contributed_by_plugins_answer()
    {
        using var client = vcenter.Host.CreateClient();

        var response = await client.GetAsync("/api/v1/clusters");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("DC0_C0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
