using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Host.Plugins;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Plugins;

/// <summary>
/// What a third party does: install the template, generate a provider, build it against the host's
/// contract, drop the output into a running host's plugins folder, and use it over MCP and REST.
/// </summary>
public sealed class ProviderTemplateTests : IClassFixture<ProviderTemplateTests.GeneratedPlugin>, IAsyncLifetime
{
    private readonly GeneratedPlugin _generated;
    private PluginsFolder _plugins = null!;
    private TestHost _host = null!;

    public ProviderTemplateTests(GeneratedPlugin generated) => _generated = generated;

    public async Task InitializeAsync()
    {
        _plugins = PluginsFolder.WithBuiltPlugins();
        _host = await TestHost.StartAsync(
            TestHost.SettingsForPluginTarget("contoso", "contoso"),
            _plugins.Path);
        _plugins.Drop(_generated.Output, "Contoso");
        using var client = _host.CreateClient();
        using var reload = await client.PostAsync("/api/v1/plugins/reload", null);
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_generated_plugin_loads_with_its_manifest()
    {
        using var client = _host.CreateClient();

        var plugins = await client.GetFromJsonAsync<List<PluginStatus>>("/api/v1/plugins", Json.Options);

        var contoso = plugins!.Single(p => p.Name == "Contoso");
        Assert.Equal(("loaded", "0.1.0", null), (contoso.State, contoso.Version, contoso.Error));
    }

    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp)]
    [InlineData(HttpTransportMode.Sse)]
    public async Task The_generated_plugins_tool_is_listed_and_answers_over_MCP(HttpTransportMode mode)
    {
        await using var mcp = await _host.ConnectMcpAsync(mode);

        Assert.Contains("contoso_status", (await mcp.ListToolsAsync()).Select(t => t.Name));
        var status = await mcp.CallAsync<JsonElement>("contoso_status");
        Assert.Equal("contoso", status.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_generated_provider_serves_its_target_through_list_vms()
    {
        await using var mcp = await _host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var page = await mcp.CallAsync<JsonElement>("list_vms", new { target = "contoso" });

        Assert.Equal(["contoso-app-01", "contoso-app-02"], page.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("name").GetString()!));
    }

    [Fact]
    public async Task The_generated_provider_says_what_it_does_not_support()
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/vms/power?target=contoso", new { vm_identifier = "contoso-app-01", desired_state = "POWER_OFF" });

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("cannot change power state", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_plugins_route_answers()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync("/api/v1/contoso/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary><c>dotnet new install</c> into a private hive, <c>dotnet new vmwaremcp-provider</c>, <c>dotnet build</c>.</summary>
    public sealed class GeneratedPlugin : IAsyncLifetime
    {
        private readonly string _work = Directory.CreateTempSubdirectory("vmwaremcp-template-").FullName;

        /// <summary>The built plugin folder, ready to drop in.</summary>
        public string Output => Path.Combine(_work, "Contoso", "bin", "Release", "net10.0");

        public async Task InitializeAsync()
        {
            var hive = Path.Combine(_work, "hive");
            await DotnetAsync(_work, "new", "install", Path.Combine(RepositoryPaths.Root, "templates", "ProviderPlugin"), "--debug:custom-hive", hive);
            await DotnetAsync(_work, "new", "vmwaremcp-provider", "-n", "Contoso", "-o", Path.Combine(_work, "Contoso"), "--host-dir", AppContext.BaseDirectory, "--debug:custom-hive", hive);
            await DotnetAsync(Path.Combine(_work, "Contoso"), "build", "-c", "Release");
        }

        public Task DisposeAsync() => Task.CompletedTask;

        private static async Task DotnetAsync(string directory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            // The template is used the way a third party would, outside this repository's build settings.
            start.Environment["MSBuildSDKsPath"] = null;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }
}
