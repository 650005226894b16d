using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Host.Startup;
using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Bench;

/// <summary>
/// The scale figures of issue 24, side by side in one run: one simulator of <c>5 x vmsPerPool</c> VMs behind
/// <c>targets</c> target names (each its own session and cache), the host in this process.
/// </summary>
internal static class ScaleRun
{
    private const string Token = "bench-token";

    public static async Task<List<(string, string)>> RunAsync(int vmsPerPool, int targets)
    {
        Console.WriteLine($"Starting vcsim: VPX with 5 resource pools x {vmsPerPool} VMs, {targets} target name(s) ...");
        await using var simulator = await Simulator.StartAsync("-vm", vmsPerPool.ToString(), "-host", "4");
        using var floor = new RawFloor(simulator.Url, Simulator.User, Simulator.Password);
        await floor.LoginAsync();
        var vms = await floor.ListAsync();
        var raw = await Stats.MeasureAsync(2, 5, floor.ListAsync);
        var rows = new List<(string, string)>
        {
            ("VMs in the simulator x target names", $"{vms:N0} x {targets} = {vms * targets:N0} cached"),
            ("floor: one raw RetrievePropertiesEx of the list's properties, p50", $"{raw.P50:0} ms"),
        };

        var directory = Directory.CreateTempSubdirectory("vmwaremcp-scale-").FullName;
        var config = Path.Combine(directory, "settings.yml");
        var names = Enumerable.Range(0, targets).Select(i => $"t{i}").ToList();
        await File.WriteAllTextAsync(config, $"""
            access_token: "{Token}"
            listen_url: "https://127.0.0.1:0"
            logging_severity: WARNING
            logging_output: "{Path.Combine(directory, "host.log")}"
            rate_limit_per_minute: 1000000
            telemetry_interval_seconds: 3600
            targets:
            {string.Concat(names.Select(n => $"""
              - name: {n}
                vcenter_endpoint: "{simulator.Url}"
                login_credential: "{Simulator.User}"
                secret_key: "{Simulator.Password}"
                verify_ssl_cert: false

            """))}
            """);

        var before = ManagedBytes();
        var started = Stopwatch.GetTimestamp();
        await using var app = VmwareMcpHost.Build(new HostStartOptions { ConfigFile = config });
        await app.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = ServerAddress.Of(app), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        while (CountWarm(await http.GetStringAsync("/readyz")) < targets)
        {
            await Task.Delay(50);
        }

        var warm = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var cached = ManagedBytes() - before;
        rows.Add(("cache warm-up, host start to every target warm", $"{warm:0} ms ({warm / raw.P50:0.00}x the floor{(targets > 1 ? $", {targets} targets at once" : string.Empty)})"));
        rows.Add(("managed heap held after warm-up, per cached VM (host included)", $"{cached / (double)(vms * targets) / 1024:0.00} KiB ({cached / (1024 * 1024)} MiB)"));

        var full = await Stats.MeasureAsync(5, 30, () => Drain.GetAsync(http, "/api/v1/vms?target=t0"));
        var filtered = await Stats.MeasureAsync(20, 200, () => Drain.GetAsync(http, "/api/v1/vms?target=t0&name=DC0_H0_VM1%3F&limit=10"));
        await using var mcp = await McpClient.CreateAsync(new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token } },
            new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }), ownsHttpClient: true));
        var tool = await Stats.MeasureAsync(20, 200, async () => await mcp.CallToolAsync("list_vms", new Dictionary<string, object?> { ["target"] = "t0", ["name"] = "DC0_H0_VM1?" }));
        rows.Add(($"REST full cached list ({vms:N0} VMs), p50 / p99", $"{full.P50:0.0} / {full.P99:0.0} ms"));
        rows.Add(("REST filtered list (10 VMs), p50 / p99", $"{filtered.P50:0.00} / {filtered.P99:0.00} ms"));
        rows.Add(("MCP tools/call list_vms (10 VMs), p50 / p99", $"{tool.P50:0.00} / {tool.P99:0.00} ms"));
        var (visible, inVsphere) = await ChangeToVisibleAsync(http, floor);
        rows.Add(("change behind the host's back to visible in a list, p50 / p99", $"{visible.P50:0} / {visible.P99:0} ms"));
        rows.Add(("  of which until vSphere itself reports it (raw read of the VM's name), p50 / p99", $"{inVsphere.P50:0} / {inVsphere.P99:0} ms"));
        var round = Stopwatch.GetTimestamp();
        using (await http.GetAsync("/metrics/v1/vms/current?target=t0", HttpCompletionOption.ResponseContentRead))
        {
        }

        rows.Add(($"telemetry round for every VM of one target ({vms:N0}) against the 20 s interval", $"{Stopwatch.GetElapsedTime(round).TotalSeconds:0.0} s"));
        rows.Add(("process RSS at the end (bench + host)", $"{Environment.WorkingSet / (1024 * 1024)} MiB"));
        await app.StopAsync();
        return rows;
    }

    /// <summary>
    /// Renames VMs with a raw SOAP call of another session and times until the host's list shows the new name,
    /// and, apart, until vSphere's own property collector does (the simulator's share of the delay).
    /// </summary>
    private static async Task<((double P50, double P99) Host, (double P50, double P99) Vsphere)> ChangeToVisibleAsync(HttpClient http, RawFloor floor)
    {
        var page = await http.GetFromJsonAsync<JsonElement>("/api/v1/vms?target=t0&name=DC0_H0_VM*&limit=10");
        var (host, vsphere, fed) = (new List<double>(), new List<double>(), new List<double>());
        // The vim25 spans say when each WaitForUpdatesEx answered: the feed's share of the delay, apart from the host's.
        var answered = new System.Collections.Concurrent.ConcurrentQueue<long>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "VmwareMcp.Vim25",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => { if (a.DisplayName == "vim25 WaitForUpdatesEx") { answered.Enqueue(Stopwatch.GetTimestamp()); } },
        };
        ActivitySource.AddActivityListener(listener);
        foreach (var (vm, i) in page.GetProperty("items").EnumerateArray().Select((v, i) => (v.GetProperty("id").GetString()!, i)))
        {
            var name = $"renamed-{i}-{Guid.NewGuid():N}"[..24];
            var started = Stopwatch.GetTimestamp();
            await floor.RenameAsync(vm, name);
            while (await floor.NameOfAsync(vm) != name)
            {
                await Task.Delay(1);
            }

            vsphere.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            while ((await http.GetFromJsonAsync<JsonElement>($"/api/v1/vms?target=t0&name={name}")).GetProperty("total").GetInt32() != 1)
            {
                await Task.Delay(1);
            }

            var shown = Stopwatch.GetTimestamp();
            host.Add(Stopwatch.GetElapsedTime(started, shown).TotalMilliseconds);
            if (answered.Where(t => t > started && t <= shown).DefaultIfEmpty(0).Max() is var delivered and > 0)
            {
                fed.Add(Stopwatch.GetElapsedTime(started, delivered).TotalMilliseconds);
            }
        }

        Console.WriteLine($"  (feed: the last WaitForUpdatesEx before each change showed answered after p50 {(fed.Count > 0 ? Percentiles(fed).P50 : double.NaN):0} ms)");
        return (Percentiles(host), Percentiles(vsphere));
    }

    private static (double P50, double P99) Percentiles(List<double> samples)
    {
        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.99) - 1]);
    }

    private static int CountWarm(string readiness) =>
        (readiness.Length - readiness.Replace("\"inventory_cache\":\"warm\"", string.Empty, StringComparison.Ordinal).Length) / "\"inventory_cache\":\"warm\"".Length;

    private static long ManagedBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
