using System.Net;
using ModelContextProtocol.Client;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Plugins;

/// <summary>The host is infrastructure: without plugins it serves no tool and no product route.</summary>
public sealed class MinimalHostTests : IAsyncLifetime
{
    private readonly string _noPlugins = Directory.CreateTempSubdirectory("vmwaremcp-noplugins-").FullName;
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(TestHost.SettingsFor(null), pluginsPath: _noPlugins);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_noPlugins, recursive: true);
    }

    [Fact]
    public async Task Without_plugins_the_host_lists_no_tool()
    {
        await using var mcp = await _host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        Assert.Empty(await mcp.ListToolsAsync());
    }

    [Theory]
    [InlineData("/api/v1/vms")]
    [InlineData("/api/v1/targets")]
    [InlineData("/api/v1/alarms")]
    public async Task Without_plugins_the_product_routes_are_not_there(string route)
    {
        using var client = _host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(route)).StatusCode);
    }

    [Fact]
    public async Task Without_plugins_the_host_still_serves_its_own_routes()
    {
        using var client = _host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plugins")).StatusCode);
    }
}
