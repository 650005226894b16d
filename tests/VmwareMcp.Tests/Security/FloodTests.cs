using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Host.Startup;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Security;

/// <summary>Floods are refused, counted and logged once; limits cannot be doubled; a log that cannot be written stops the start.</summary>
public sealed class FloodTests
{
    [Fact]
    public async Task A_flood_of_refused_requests_is_logged_once_per_source_and_counted_in_full()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null));
        using var anonymous = host.CreateClient(token: null);
        using var admin = host.CreateClient();

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/targets")).StatusCode);
        }

        var metrics = await admin.GetStringAsync("/metrics");
        Assert.Single(host.Logs.Lines, l => l.Contains("/api/v1/targets", StringComparison.Ordinal) && l.Contains("responded 401", StringComparison.Ordinal));
        Assert.Contains("http_requests_received_total{code=\"401\",method=\"GET\",controller=\"\",action=\"\",endpoint=\"/api/v1/targets\"} 50", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exchanged_session_token_draws_from_its_parents_rate_bucket()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null, "rate_limit_per_minute: 4"));
        using var parent = host.CreateClient();
        var exchange = await (await parent.PostAsync("/api/v1/auth/token_exchange", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var session = host.CreateClient(exchange.GetProperty("access_token").GetString());

        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync("/api/v1/targets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/targets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/targets")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await session.GetAsync("/api/v1/targets")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await parent.GetAsync("/api/v1/targets")).StatusCode);
    }

    [Fact]
    public void A_log_file_that_cannot_be_written_stops_the_start_naming_the_key()
    {
        var directory = Directory.CreateTempSubdirectory("vmwaremcp-log-").FullName;
        var blocker = Path.Combine(directory, "not-a-folder");
        File.WriteAllText(blocker, string.Empty);
        var config = Path.Combine(directory, "settings.yml");
        File.WriteAllText(config, TestHost.SettingsFor(null) + $"\nlogging_output: \"{blocker}/host.log\"\n");

        var error = Assert.Throws<ConfigurationException>(() => VmwareMcpHost.Build(new HostStartOptions
        {
            ConfigFile = config,
            Environment = new Dictionary<string, string>(),
            BaseDirectory = AppContext.BaseDirectory,
        }));

        Assert.Contains($"logging_output: '{blocker}/host.log' cannot be written", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(config, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_file_rolls_over_by_size_and_keeps_the_configured_number()
    {
        var directory = Directory.CreateTempSubdirectory("vmwaremcp-roll-").FullName;
        var log = Path.Combine(directory, "roll.log");
        var config = Path.Combine(directory, "settings.yml");
        await File.WriteAllTextAsync(config, TestHost.SettingsFor(null, "logging_max_file_mb: 1\nlogging_retained_files: 2") + $"\nlogging_output: \"{log}\"\nplugins_path: \"{Harness.RepositoryPaths.BuiltPlugins}\"\n");
        await using (var app = VmwareMcpHost.Build(new HostStartOptions { ConfigFile = config, Environment = new Dictionary<string, string>(), BaseDirectory = AppContext.BaseDirectory }))
        {
            await app.StartAsync();
            using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = Harness.ServerAddress.Of(app) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestHost.Token);
            var longPath = "/api/v1/vms/" + new string('x', 4000);
            for (var i = 0; i < 700; i++)
            {
                await client.GetAsync(longPath); // About 4 KB of log each: 2.8 MB in all.
            }

            await app.StopAsync();
        }

        var files = Directory.GetFiles(directory, "roll*.log");
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 1024 * 1024 + 64 * 1024, $"{f} is {new FileInfo(f).Length} bytes"));
    }

    [Fact]
    public async Task A_key_no_loaded_plugin_reads_is_warned_about()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null, "telemetry_intervall_seconds: 5"));

        Assert.Contains(host.Logs.Lines, l => l.Contains("unknown key 'telemetry_intervall_seconds'", StringComparison.Ordinal));
    }
}
