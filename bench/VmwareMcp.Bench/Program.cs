using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using ModelContextProtocol.Client;
using VmwareMcp.Bench;
using VmwareMcp.Host.Startup;
using VmwareMcp.Tests.Harness;

// Figures for the live-inventory targets (issue 8), against vcsim with 5,000 VMs, all in one run.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
const string Token = "bench-token";
const string TenVms = "/api/v1/vms?name=DC0_H0_VM1%3F&limit=10"; // DC0_H0_VM10 to DC0_H0_VM19
if (args is ["scale", var perPool, ..])
{
    // dotnet run -c Release -- scale 10000 [TARGETS]: the scale figures of issue 24 only.
    var scale = await ScaleRun.RunAsync(int.Parse(perPool, CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1);
    Console.WriteLine();
    Console.WriteLine($"VmwareMcp scale benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores");
    foreach (var (name, value) in scale)
    {
        Console.WriteLine($"  {name,-78} {value}");
    }

    return;
}

var vms = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
Console.WriteLine($"Starting vcsim: VPX with 5 resource pools x {vms} VMs ...");
await using var simulator = await Simulator.StartAsync("-vm", vms.ToString(CultureInfo.InvariantCulture), "-host", "4");

using var floor = new RawFloor(simulator.Url, Simulator.User, Simulator.Password);
await floor.LoginAsync();
var total = await floor.ListAsync();
// Warm-ups past the JIT's tier-up threshold (30 calls), so every figure is steady-state code.
var raw = await Stats.MeasureAsync(40, 20, floor.ListAsync);

var rows = new List<(string, string)> { ("VMs in the simulator", total.ToString(CultureInfo.InvariantCulture)), ("raw floor: one RetrievePropertiesEx, p50", $"{raw.P50:0.0} ms") };
foreach (var cache in new[] { false, true })
{
    var directory = Directory.CreateTempSubdirectory("vmwaremcp-bench-").FullName;
    var config = Path.Combine(directory, "settings.yml");
    await File.WriteAllTextAsync(config, $"""
        vcenter_endpoint: "{simulator.Url}"
        login_credential: "{Simulator.User}"
        secret_key: "{Simulator.Password}"
        access_token: "{Token}"
        listen_url: "https://127.0.0.1:0"
        logging_severity: WARNING
        logging_output: "{Path.Combine(directory, "host.log")}"
        rate_limit_per_minute: 1000000
        inventory_cache: {(cache ? "true" : "false")}
        telemetry_interval_seconds: 3600
        """);
    var started = Stopwatch.GetTimestamp();
    await using var app = VmwareMcpHost.Build(new HostStartOptions { ConfigFile = config });
    await app.StartAsync();
    var startMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    var address = ServerAddress.Of(app);
    using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true, MaxConnectionsPerServer = 64 }) { BaseAddress = address };
    http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
    var label = cache ? "warm (cache on)" : "cold (cache off)";
    if (cache)
    {
        // The cache fills in the background; wait until a list is served from it.
        var deadline = Stopwatch.StartNew();
        while (!(await http.GetStringAsync("/readyz")).Contains("\"inventory_cache\":\"warm\"", StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }
    }

    // Cold, the list is measured in blocks alternating with the floor's, so the ratio compares like moments.
    var listAll = () => Drain.GetAsync(http, "/api/v1/vms");
    var (list, floorBeside) = cache
        ? (await Stats.MeasureAsync(40, 20, listAll), default)
        : await Stats.MeasureAlternatelyAsync(40, 100, listAll, floor.ListAsync);
    var filtered = await Stats.MeasureAsync(20, 200, () => Drain.GetAsync(http, TenVms));
    await using var mcp = await McpClient.CreateAsync(new HttpClientTransport(
        new HttpClientTransportOptions { Endpoint = new Uri(address, "/mcp"), AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token } },
        new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }), ownsHttpClient: true));
    var tool = await Stats.MeasureAsync(20, 200, async () => await mcp.CallToolAsync("list_vms", new Dictionary<string, object?> { ["name"] = "DC0_H0_VM1?" }));
    var rps = await Stats.ThroughputAsync(32, TimeSpan.FromSeconds(5), () => Drain.GetAsync(http, TenVms));
    rows.Add(($"host start, three plugins [{label}]", $"{startMs:0} ms"));
    rows.Add(($"REST list of all VMs, p50 / p99 [{label}]", $"{list.P50:0.0} / {list.P99:0.0} ms"));
    if (!cache)
    {
        rows.Add(("  floor measured alternately with it, p50", $"{floorBeside.P50:0.0} ms (list = {list.P50 / floorBeside.P50:0.00}x floor)"));
    }

    rows.Add(($"REST filtered list (10 VMs), p50 / p99 [{label}]", $"{filtered.P50:0.00} / {filtered.P99:0.00} ms"));
    rows.Add(($"MCP tools/call list_vms (10 VMs), p50 / p99 [{label}]", $"{tool.P50:0.00} / {tool.P99:0.00} ms"));
    rows.Add(($"REST filtered read, 32 connections [{label}]", $"{rps:0} req/s"));
    await app.StopAsync();
}

var (cloneSeconds, cloneSoap) = await CustomizedClone.MeasureAsync(Token);
rows.Add(("customized clone to an answering guest (clone, customize, power on, wait)", $"{cloneSeconds:0.00} s, {cloneSoap} SOAP calls"));
rows.Add(("process RSS at the end (bench + host)", $"{Environment.WorkingSet / (1024 * 1024)} MiB"));
Console.WriteLine();
Console.WriteLine($"VmwareMcp benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {Environment.OSVersion}");
foreach (var (name, value) in rows)
{
    Console.WriteLine($"  {name,-58} {value}");
}
