using System.Net;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Telemetry;

public sealed class TelemetryOutageTests
{
    [Fact]
    public async Task A_target_that_goes_away_turns_stale_and_resumes_when_it_returns()
    {
        var first = await Simulator.StartAsync();
        var address = $"{first.Url.Host}:{first.Url.Port}";
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(first, "telemetry_interval_seconds: 1"));
        using var client = host.CreateClient();
        await using var stream = await SseReader.OpenAsync(client, "/metrics/v1/stream");
        await stream.NextAsync("sample");

        await first.DisposeAsync();
        var stale = await stream.NextAsync("status", data => data.Contains("\"stale\":true", StringComparison.Ordinal));
        var healthy = await client.GetAsync("/healthz");

        await using var second = await Simulator.StartAsync("-listen", address);
        var resumed = await stream.NextAsync("status", data => data.Contains("\"stale\":false", StringComparison.Ordinal));
        await stream.NextAsync("sample");

        Assert.Contains("\"error\":", stale, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Contains("\"target\":\"default\"", resumed, StringComparison.Ordinal);
        Assert.Single(host.Logs.Lines, l => l.Contains("is stale", StringComparison.Ordinal));
    }
}
