using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Metrics;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Telemetry;

/// <summary>vcsim's vCenter with collection every second.</summary>
public sealed class CollectedVcenter : SimulatedVcenter
{
    protected override string ExtraSettings => "telemetry_interval_seconds: 1\ntelemetry_history_minutes: 5";
}

public sealed class TelemetryTests(CollectedVcenter vcenter) : IClassFixture<CollectedVcenter>
{
    private const string Vm = "DC0_H0_VM0";

    [Fact]
    public void The_plugins_own_configuration_keys_are_not_warned_about_as_unknown()
    {
        Assert.DoesNotContain(vcenter.Host.Logs.Lines, l => l.Contains("unknown key 'telemetry_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_seeds_current_route_matches_an_independent_quickstats_read()
    {
        using var client = vcenter.Host.CreateClient();
        var id = (await vcenter.Inspector.VmNamedAsync(Vm))!.Id;

        var metrics = await client.GetFromJsonAsync<VmMetrics>($"/metrics/v1/vm/{Vm}/current", Json.Options);
        var quickStats = await vcenter.Inspector.VmQuickStatsAsync(id);

        Assert.Equal(quickStats["summary.quickStats.overallCpuUsage"], metrics!.CpuUsageMhz);
        Assert.Equal(quickStats["summary.quickStats.hostMemoryUsage"], metrics.HostMemoryUsageMib);
        Assert.Equal(quickStats["summary.quickStats.guestMemoryUsage"], metrics.MemoryActiveMib);
        Assert.Equal(quickStats["summary.storage.committed"], metrics.StorageCommittedBytes);
        // vcsim adds random noise to every QueryPerf answer, so realtime counters are checked for presence and range.
        Assert.InRange(metrics.CpuUsagePercent!.Value, 0, 100 * 64);
        Assert.NotNull(metrics.NetworkReceivedKBps);
    }

    [Fact]
    public async Task An_unknown_vm_is_a_404()
    {
        using var client = vcenter.Host.CreateClient();

        var response = await client.GetAsync("/metrics/v1/vm/no-such-vm/current");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_stream_pushes_each_new_sample()
    {
        using var client = vcenter.Host.CreateClient();
        await using var stream = await SseReader.OpenAsync(client, $"/metrics/v1/stream?vm={Vm}");

        var first = JsonDocument.Parse(await stream.NextAsync("sample"));
        var second = JsonDocument.Parse(await stream.NextAsync("sample"));

        Assert.Equal("text/event-stream", stream.ContentType);
        Assert.True(second.RootElement.GetProperty("sampled_at").GetDateTimeOffset() > first.RootElement.GetProperty("sampled_at").GetDateTimeOffset());
        Assert.Equal(Vm, first.RootElement.GetProperty("vms").EnumerateArray().Single().GetProperty("name").GetString());
    }

    [Fact]
    public async Task History_returns_the_collected_samples()
    {
        using var client = vcenter.Host.CreateClient();
        await using (var stream = await SseReader.OpenAsync(client, "/metrics/v1/stream"))
        {
            await stream.NextAsync("sample");
        }

        var history = await client.GetFromJsonAsync<List<VmMetrics>>($"/metrics/v1/vm/{Vm}/history?minutes=5", Json.Options);

        Assert.NotEmpty(history!);
        Assert.All(history!, m => Assert.Equal(Vm, m.Name));
    }

    [Fact]
    public async Task History_outside_the_kept_window_is_a_400()
    {
        using var client = vcenter.Host.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/metrics/v1/vm/{Vm}/history?minutes=9999")).StatusCode);
    }

    [Fact]
    public async Task Every_vm_host_and_datastore_series_carries_the_objects_managed_object_id()
    {
        using var client = vcenter.Host.CreateClient();
        await using (var stream = await SseReader.OpenAsync(client, "/metrics/v1/stream"))
        {
            await stream.NextAsync("sample");
        }

        var samples = PrometheusText.Parse(await client.GetStringAsync("/metrics"));
        var vmId = (await vcenter.Inspector.VmNamedAsync(Vm))!.Id;

        Assert.Contains(samples, s => s.Name == "vmwaremcp_vm_cpu_usage_mhz" && s.Labels["vm"] == Vm && s.Labels["id"] == vmId);
        Assert.All(samples.Where(s => s.Name.StartsWith("vmwaremcp_vm_", StringComparison.Ordinal) || s.Name.StartsWith("vmwaremcp_host_", StringComparison.Ordinal) || s.Name.StartsWith("vmwaremcp_datastore_", StringComparison.Ordinal)),
            s => Assert.False(string.IsNullOrEmpty(s.Labels.GetValueOrDefault("id")), s.Name));
    }

    [Fact]
    public async Task Prometheus_text_carries_per_vm_series_and_the_hosts_request_metrics()
    {
        using var client = vcenter.Host.CreateClient();
        await using (var stream = await SseReader.OpenAsync(client, "/metrics/v1/stream"))
        {
            await stream.NextAsync("sample");
        }

        var text = await client.GetStringAsync("/metrics");
        var samples = PrometheusText.Parse(text);

        Assert.Contains(samples, s => s.Name == "vmwaremcp_vm_cpu_usage_mhz" && s.Labels["target"] == "default" && s.Labels["vm"] == Vm);
        Assert.Contains(samples, s => s.Name == "vmwaremcp_datastore_capacity_bytes" && s.Labels["datastore"] == "LocalDS_0");
        Assert.Contains(samples, s => s.Name == "vmwaremcp_collector_samples_total" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name.StartsWith("http_request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mcp_tools_report_vm_host_and_datastore_metrics_and_the_counters()
    {
        await using var mcp = await vcenter.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var vm = await mcp.CallAsync<List<VmMetrics>>("get_vm_metrics", new { vm = Vm });
        var hosts = await mcp.CallAsync<List<HostMetrics>>("get_host_metrics");
        var datastores = await mcp.CallAsync<List<DatastoreMetrics>>("get_datastore_usage");
        var counters = await mcp.CallAsync<List<CounterInfo>>("list_performance_counters", new { group = "cpu" });

        Assert.Equal(Vm, Assert.Single(vm).Name);
        Assert.All(hosts, h => Assert.True(h.CpuCapacityMhz > 0));
        Assert.NotEmpty(datastores);
        Assert.Contains(counters, c => c.Name == "cpu.usage.average");
    }

    [Fact]
    public async Task Each_vm_has_an_info_series_placing_it_on_its_host_and_cluster()
    {
        using var client = vcenter.Host.CreateClient();
        // Placement comes from the warm inventory cache: two rounds after it is warm, one began after it was.
        Assert.True(await Eventually.HoldsAsync(async () => (await client.GetStringAsync("/readyz")).Contains("\"inventory_cache\":\"warm\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
        await using (var stream = await SseReader.OpenAsync(client, "/metrics/v1/stream"))
        {
            await stream.NextAsync("sample");
            await stream.NextAsync("sample");
        }

        var text = await client.GetStringAsync("/metrics");

        var line = Assert.Single(text.Split('\n'), l => l.StartsWith("vmwaremcp_vm_info{", StringComparison.Ordinal) && l.Contains("vm=\"DC0_C0_RP0_VM0\"", StringComparison.Ordinal));
        Assert.Contains("cluster=\"DC0_C0\"", line, StringComparison.Ordinal);
        Assert.Matches("host=\"DC0_C0_H[0-9]+\"", line);
        Assert.EndsWith(" 1", line, StringComparison.Ordinal);
    }
}
