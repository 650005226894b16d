using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Release;

/// <summary>The release an operator downloads: what the tarballs hold, and the host and unit they install.</summary>
public sealed class ReleaseTests(ReleaseBuild release) : IClassFixture<ReleaseBuild>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_tarball_holds_the_host_its_plugins_the_unit_and_example_settings_and_no_web_config(bool selfContained)
    {
        var folder = selfContained ? release.SelfContained : release.FrameworkDependent;

        Assert.True(File.Exists(Path.Combine(folder, "VmwareMcp.Host")), "the host's executable");
        foreach (var plugin in new[] { "Core", "Vcenter", "Esxi", "Telemetry", "Console" })
        {
            Assert.True(File.Exists(Path.Combine(folder, "plugins", plugin, "plugin.json")), $"plugins/{plugin}/plugin.json");
        }

        Assert.True(File.Exists(Path.Combine(folder, "vmwaremcp.service")));
        Assert.True(File.Exists(Path.Combine(folder, "settings.example.yml")));
        Assert.Equal(selfContained, File.Exists(Path.Combine(folder, "libcoreclr.so")));
        Assert.Empty(Directory.GetFiles(folder, "web.config", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_self_contained_host_says_its_version()
    {
        var (exit, output, errors) = await ProcessRun.RunAsync(Path.Combine(release.SelfContained, "VmwareMcp.Host"), ["--version"], TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, errors);
        Assert.StartsWith($"VmwareMcp.Host {release.Version} ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unit_passes_systemd_verify_with_the_host_where_it_is_installed()
    {
        var unit = InstalledUnit();

        var (exit, output, errors) = await ProcessRun.RunAsync("systemd-analyze", ["verify", unit], TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, output + errors);
        Assert.Equal(string.Empty, (output + errors).Trim());
    }

    [Fact]
    public async Task The_units_exposure_is_low_by_systemds_own_measure()
    {
        // --threshold is the exposure x10 above which the command fails: 2.0 of 10, "OK" in systemd's words.
        var (exit, output, errors) = await ProcessRun.RunAsync("systemd-analyze", ["security", "--offline=yes", "--threshold=20", "--no-pager", InstalledUnit()], TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, output + errors);
    }

    [Fact]
    public void The_example_settings_load_and_keep_state_in_the_service_state_directory()
    {
        var (settings, _) = HostSettingsLoader.Load(Path.Combine(release.SelfContained, "settings.example.yml"),
            new Dictionary<string, string> { ["STATE_DIRECTORY"] = "/var/lib/vmwaremcp" }, release.SelfContained);

        Assert.Equal("/var/lib/vmwaremcp", settings.DataPath);
        Assert.True(settings.Targets[0].VerifySsl);
    }

    [Fact]
    public async Task Run_as_the_service_runs_it_the_host_serves_its_plugins_keeps_state_in_the_state_directory_and_writes_journal_lines()
    {
        var root = Directory.CreateTempSubdirectory("vmwaremcp-service-").FullName;
        var (etc, state) = (Directory.CreateDirectory(Path.Combine(root, "etc")).FullName, Path.Combine(root, "state"));
        var port = FreePort.Next();
        await File.WriteAllTextAsync(Path.Combine(etc, "settings.yml"),
            TestHost.SettingsFor(release.Simulator).Replace("https://127.0.0.1:0", $"https://127.0.0.1:{port}", StringComparison.Ordinal));
        var lines = new List<string>();
        using var host = Process.Start(new ProcessStartInfo(Path.Combine(release.SelfContained, "VmwareMcp.Host"), ["--config", Path.Combine(etc, "settings.yml")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["STATE_DIRECTORY"] = state, ["JOURNAL_STREAM"] = "8:4242" },
        })!;
        host.OutputDataReceived += (_, line) => { if (line.Data is { } text) { lock (lines) { lines.Add(text); } } };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
            {
                BaseAddress = new Uri($"https://127.0.0.1:{port}"),
                DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", TestHost.Token) },
            };
            Assert.True(await Eventually.HoldsAsync(() => HostProcess.AnswersAsync(client), TimeSpan.FromMinutes(1)), "the released host did not start: " + string.Join('\n', lines));

            var vms = await client.GetStringAsync("/api/v1/vms");

            Assert.Contains("DC0_H0_VM0", vms, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(state, "state.db")), "state.db in the state directory");
            Assert.False(File.Exists(Path.Combine(etc, "state.db")), "nothing written beside the configuration");
            lock (lines)
            {
                Assert.Contains(lines, l => l.StartsWith("<6>", StringComparison.Ordinal));
                Assert.DoesNotContain(lines, l => l.StartsWith("<3>", StringComparison.Ordinal)); // a plugin that failed to load logs an error
                Assert.All(lines.Where(l => l.StartsWith('<')), l => Assert.DoesNotMatch(@"^<\d>\d{4}-\d{2}-\d{2}", l));
            }
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    /// <summary>The unit with /opt/vmwaremcp/ replaced by where the test unpacked the release.</summary>
    private string InstalledUnit()
    {
        var folder = Directory.CreateTempSubdirectory("vmwaremcp-unit-").FullName;
        var unit = Path.Combine(folder, "vmwaremcp.service");
        File.WriteAllText(unit, File.ReadAllText(Path.Combine(release.SelfContained, "vmwaremcp.service"))
            .Replace("/opt/vmwaremcp/", release.SelfContained + "/", StringComparison.Ordinal));
        return unit;
    }


}
