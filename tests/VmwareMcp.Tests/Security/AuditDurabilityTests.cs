using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using ModelContextProtocol.Client;
using VmwareMcp.Host.Audit;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Security;

/// <summary>A simulator that takes 100 ms per call, so a change is still under way when a test interrupts it.</summary>
public sealed class SlowTarget : SimulatedVcenter
{
    protected override string[] SimulatorFlags => ["-delay", "100"];
}

/// <summary>What the audit log says when clients leave, hosts die and two processes share it.</summary>
public sealed class AuditDurabilityTests(SlowTarget target) : IClassFixture<SlowTarget>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_client_that_leaves_during_a_power_off_gets_the_truth_recorded()
    {
        using var client = target.Host.CreateClient();
        using var leave = new CancellationTokenSource();

        var call = client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = "DC0_H0_VM1", desired_state = "POWER_OFF" }, leave.Token);
        Assert.True(await Eventually.HoldsAsync(() => StateFiles.AuditContainsAsync(target.Host.Directory, "\"vm\":\"DC0_H0_VM1\","), Patience));
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.True(await Eventually.HoldsAsync(async () => (await RecordsAsync(client, "DC0_H0_VM1")).Any(r => r.Outcome != "started"), Patience));
        var record = Assert.Single(await RecordsAsync(client, "DC0_H0_VM1"));
        Assert.Equal("ok", record.Outcome);
        Assert.NotEmpty(record.Tasks!);
        Assert.Equal("poweredOff", (await target.Inspector.VmNamedAsync("DC0_H0_VM1"))!.PowerState);
    }

    [Fact]
    public async Task A_host_killed_during_a_clone_leaves_its_started_record_for_the_next_start()
    {
        var directory = Directory.CreateTempSubdirectory("vmwaremcp-kill-").FullName;
        var port = FreePort.Next();
        var settings = TestHost.SettingsFor(target.Simulator).Replace("https://127.0.0.1:0", $"https://127.0.0.1:{port}", StringComparison.Ordinal);
        var config = await TestHost.WriteSettingsAsync(settings, directory);
        using var host = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "VmwareMcp.Host.dll"), "--config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        host.BeginOutputReadLine(); // Read, so a full pipe can never block the host's logging.
        host.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
            {
                BaseAddress = new Uri($"https://127.0.0.1:{port}"),
                DefaultRequestHeaders = { { "Authorization", "Bearer " + TestHost.Token } },
            };
            Assert.True(await Eventually.HoldsAsync(async () => await HostProcess.AnswersAsync(client), Patience), "the host process did not start");

            var clone = client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = "DC0_H0_VM0", destination_label = "killed-clone" });
            Assert.True(await Eventually.HoldsAsync(() => StateFiles.AuditContainsAsync(directory, "killed-clone"), Patience));
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => clone);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
        }

        await using var restarted = await TestHost.StartAsync(TestHost.SettingsFor(target.Simulator), directory: directory);
        using var reader = restarted.CreateClient();
        var records = await reader.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?outcome=started", Json.Options);

        var started = Assert.Single(records!, r => r.Operation.Contains("/api/v1/vms/clone", StringComparison.Ordinal));
        Assert.Equal("DC0_H0_VM0", started.Vm);
        Assert.Equal("killed-clone", started.Arguments!["destination_label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_processes_on_one_configuration_write_every_record_readably()
    {
        var (http, stdio, directory) = await TwoProcessesAsync(string.Empty);
        await using var stopHttp = http;
        await using var stopStdio = stdio;
        using var client = http.CreateClient();

        await PreviewFromBothAsync(client, stdio);

        var records = (await StateFiles.AuditRecordsAsync(directory)).Select(r => AuditLine.TryParse(System.Text.Encoding.UTF8.GetBytes(r))).ToList();
        Assert.All(records, Assert.NotNull);
        Assert.Equal(Each, records.Count(r => r is { Surface: "rest", Outcome: "preview" }));
        Assert.Equal(Each, records.Count(r => r is { Surface: "mcp", Outcome: "preview" }));
        var read = await client.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?outcome=preview&limit=1000", Json.Options);
        Assert.Equal(2 * Each, read!.Count);
    }

    [Fact]
    public async Task Two_processes_on_one_audit_log_copy_never_tear_each_others_lines()
    {
        var shared = Path.Combine(Directory.CreateTempSubdirectory("vmwaremcp-shared-").FullName, "audit.jsonl");
        var (http, stdio, _) = await TwoProcessesAsync($"audit_log: \"{shared}\"");
        await using var stopHttp = http;
        await using var stopStdio = stdio;
        using var client = http.CreateClient();

        await PreviewFromBothAsync(client, stdio);

        var lines = (await File.ReadAllLinesAsync(shared)).Where(l => l.Length > 0).ToList();
        var records = lines.Select(l => AuditLine.TryParse(System.Text.Encoding.UTF8.GetBytes(l))).ToList();
        Assert.All(records, Assert.NotNull);
        Assert.Equal(Each, records.Count(r => r is { Surface: "rest", Outcome: "preview" }));
        Assert.Equal(Each, records.Count(r => r is { Surface: "mcp", Outcome: "preview" }));
    }

    private const int Each = 25;

    /// <summary>An HTTP host in-process and a <c>--stdio</c> host process on one configuration file and data_path.</summary>
    private async Task<(TestHost Http, McpClient Stdio, string Directory)> TwoProcessesAsync(string extra)
    {
        var directory = Directory.CreateTempSubdirectory("vmwaremcp-two-").FullName;
        var http = await TestHost.StartAsync(TestHost.SettingsFor(target.Simulator, extra), directory: directory);
        var config = Path.Combine(directory, "settings.yml");
        var stdio = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [Path.Combine(AppContext.BaseDirectory, "VmwareMcp.Host.dll"), "--stdio", "--config", config],
            Name = "vmwaremcp",
        }));
        return (http, stdio, directory);
    }

    private static async Task PreviewFromBothAsync(HttpClient client, McpClient stdio)
    {
        var rest = Enumerable.Range(0, Each).Select(_ => client.PostAsJsonAsync("/api/v1/vms/delete?dry_run=true", new { vm_identifier = "DC0_H0_VM0" }));
        var mcp = Enumerable.Range(0, Each).Select(_ => stdio.PreviewAsync("delete_vm", new { vm = "DC0_H0_VM0" }));
        await Task.WhenAll(Task.WhenAll(rest), Task.WhenAll(mcp));
    }

    [Fact]
    public async Task A_session_terminated_during_a_clone_still_answers_with_the_clone()
    {
        using var client = target.Host.CreateClient();

        var clone = client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = "DC0_H0_VM0", destination_label = "renewed-clone" });
        Assert.True(await Eventually.HoldsAsync(() => StateFiles.AuditContainsAsync(target.Host.Directory, "renewed-clone"), Patience));
        await target.Inspector.TerminateOtherSessionsAsync();
        using var response = await clone;

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.NotNull(await target.Inspector.VmNamedAsync("renewed-clone"));
    }

    [Fact]
    public async Task A_target_lost_after_a_task_started_is_recorded_unknown_and_the_answer_names_the_task()
    {
        var simulator = await Simulator.StartAsync("-delay", "200");
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(simulator, "inventory_cache: false"));
        using var client = host.CreateClient();
        using var inspector = new SimulatorInspector(simulator);
        var before = await inspector.RecentTaskIdsAsync();

        var clone = client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = "DC0_H0_VM0", destination_label = "orphan-clone" });
        Assert.True(await Eventually.HoldsAsync(async () => (await inspector.RecentTaskIdsAsync()).Except(before).Any(), Patience));
        await simulator.DisposeAsync(); // The endpoint goes away while the clone task runs.
        using var response = await clone;
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var record = (await client.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=1000", Json.Options))!
            .Single(r => r.Operation.Contains("/api/v1/vms/clone", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unknown", record.Outcome);
        Assert.NotEmpty(record.Tasks!);
        Assert.Equal(record.Tasks, problem.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()!));
    }

    private static async Task<List<AuditRecord>> RecordsAsync(HttpClient client, string vm) =>
        (await client.GetFromJsonAsync<List<AuditRecord>>($"/api/v1/audit?vm={vm}&limit=1000", Json.Options))!
            .Where(r => r.Operation.Contains("/api/v1/vms/power", StringComparison.Ordinal)).ToList();


}
