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
            TestHost.SettingsForPluginTarget("contoso", GeneratedPlugin.Name),
            _plugins.Path);
        _plugins.Drop(_generated.Output, "AcmeCloud");
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

        var contoso = plugins!.Single(p => p.Name == "acme_cloud");
        Assert.Equal(("loaded", "0.1.0", null), (contoso.State, contoso.Version, contoso.Error));
    }

    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp)]
    [InlineData(HttpTransportMode.Sse)]
    public async Task The_generated_plugins_tool_is_listed_and_answers_over_MCP(HttpTransportMode mode)
    {
        await using var mcp = await _host.ConnectMcpAsync(mode);

        Assert.Contains("acme-cloud_status", (await mcp.ListToolsAsync()).Select(t => t.Name));
        var status = await mcp.CallAsync<JsonElement>("acme-cloud_status");
        Assert.Equal(GeneratedPlugin.Name, status.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_generated_provider_serves_its_target_through_list_vms()
    {
        await using var mcp = await _host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var page = await mcp.CallAsync<JsonElement>("list_vms", new { target = "contoso" });

        Assert.Equal(["acme-cloud-app-01", "acme-cloud-app-02"], page.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("name").GetString()!));
    }

    [Fact]
    public async Task The_generated_provider_says_what_it_does_not_support()
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/vms/power?target=contoso", new { vm_identifier = "acme-cloud-app-01", desired_state = "POWER_OFF" });

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("cannot change power state", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_plugin_loads_in_a_host_at_start_too()
    {
        var plugins = PluginsFolder.WithBuiltPlugins();
        plugins.Drop(_generated.Output, "AcmeCloud");
        await using var host = await TestHost.StartAsync(TestHost.SettingsForPluginTarget("contoso", GeneratedPlugin.Name), plugins.Path);
        await using var mcp = await host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var status = await mcp.CallAsync<JsonElement>("acme-cloud_status");

        Assert.Equal(GeneratedPlugin.Name, status.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_generated_plugins_route_answers()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync("/api/v1/acme-cloud/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// What a third party does, from the packed folder alone (no host folder, no source tree): <c>scripts/pack.sh</c>,
    /// <c>dotnet new install</c> of the template package into a private hive, <c>dotnet new vmwaremcp-provider</c> with a
    /// hyphenated name, and <c>dotnet build</c> with that folder as a package source and a private package cache.
    /// </summary>
    public sealed class GeneratedPlugin : IAsyncLifetime
    {
        public const string Name = "acme-cloud";

        private readonly string _work = Directory.CreateTempSubdirectory("vmwaremcp-template-").FullName;

        /// <summary>The built plugin folder, ready to drop in.</summary>
        public string Output => Path.Combine(_work, Name, "bin", "Release", "net10.0");

        public async Task InitializeAsync()
        {
            var packages = Path.Combine(_work, "packages");
            await RunAsync(RepositoryPaths.Root, "bash", Path.Combine(RepositoryPaths.Root, "scripts", "pack.sh"), packages);
            var template = Directory.GetFiles(packages, "VmwareMcp.Templates.*.nupkg").Single();
            var hive = Path.Combine(_work, "hive");
            var project = Path.Combine(_work, Name);
            await RunAsync(_work, "dotnet", "new", "install", template, "--debug:custom-hive", hive);
            await RunAsync(_work, "dotnet", "new", "vmwaremcp-provider", "-n", Name, "-o", project, "--debug:custom-hive", hive);
            await File.WriteAllTextAsync(Path.Combine(project, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="vmwaremcp" value="{packages}" />
                  </packageSources>
                </configuration>
                """);
            await RunAsync(project, "dotnet", "build", "-c", "Release");
        }

        public Task DisposeAsync() => Task.CompletedTask;

        private async Task RunAsync(string directory, string command, params string[] arguments)
        {
            var start = new ProcessStartInfo(command, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            // Used the way a third party would: outside this repository's build settings, with a package cache
            // of its own, so only the packed folder (and the public registry) can supply the contract.
            start.Environment["MSBuildSDKsPath"] = null;
            start.Environment["NUGET_PACKAGES"] = Path.Combine(_work, "nuget-cache");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }
}
