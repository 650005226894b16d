using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Telemetry;

namespace VmwareMcp.Tests.Security;

/// <summary>Two targets on one simulator, collected every second, and a token limited to one of them.</summary>
public sealed class TwoTargets : SimulatedVcenter
{
    public const string LabOnly = "lab-only-token-5c1d";

    protected override string ExtraSettings => $"""
        telemetry_interval_seconds: 1
        tokens:
          - name: lab-only
            token: "{LabOnly}"
            scopes: [admin]
            targets: [lab]
        targets:
          - name: lab
            vcenter_endpoint: "{Simulator.Url}"
            login_credential: "{Simulator.User}"
            secret_key: "{Simulator.Password}"
            verify_ssl_cert: false
        """;
}

/// <summary>A token limited to some targets sees nothing of the others, on any surface.</summary>
public sealed class TargetScopeTests(TwoTargets fixture) : IClassFixture<TwoTargets>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("/metrics/v1/vm/DC0_H0_VM0/history?target=default")]
    [InlineData("/metrics/v1/host/DC0_H0/history?target=default")]
    [InlineData("/metrics/v1/datastore/LocalDS_0/history?target=default")]
    [InlineData("/metrics/v1/stream?target=default")]
    public async Task Asking_for_another_targets_metrics_by_name_is_403(string path)
    {
        using var client = fixture.Host.CreateClient(TwoTargets.LabOnly);

        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_telemetry_status_lists_only_the_tokens_targets()
    {
        using var admin = fixture.Host.CreateClient();
        using var client = fixture.Host.CreateClient(TwoTargets.LabOnly);
        Assert.True(await Eventually.HoldsAsync(async () => (await admin.GetStringAsync("/metrics/v1/status")).Contains("\"default\"", StringComparison.Ordinal), Patience));

        var statuses = await client.GetFromJsonAsync<JsonElement>("/metrics/v1/status");

        Assert.All(statuses.EnumerateArray(), s => Assert.Equal("lab", s.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task The_prometheus_exposition_has_no_series_of_another_target()
    {
        using var admin = fixture.Host.CreateClient();
        using var client = fixture.Host.CreateClient(TwoTargets.LabOnly);
        Assert.True(await Eventually.HoldsAsync(async () => (await admin.GetStringAsync("/metrics")).Contains("target=\"default\"", StringComparison.Ordinal), Patience));

        var text = await client.GetStringAsync("/metrics");

        Assert.DoesNotContain("target=\"default\"", text, StringComparison.Ordinal);
        Assert.Contains("target=\"lab\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metrics_stream_carries_only_the_tokens_targets()
    {
        using var client = fixture.Host.CreateClient(TwoTargets.LabOnly);
        await using var stream = await SseReader.OpenAsync(client, "/metrics/v1/stream");

        for (var i = 0; i < 3; i++)
        {
            var sample = await stream.NextAsync("sample");

            Assert.Equal("lab", JsonDocument.Parse(sample).RootElement.GetProperty("target").GetString());
        }
    }

    [Fact]
    public async Task Readyz_for_a_limited_token_shows_its_own_targets_healthy()
    {
        using var client = fixture.Host.CreateClient(TwoTargets.LabOnly);

        using var response = await client.GetAsync("/readyz");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["lab"], body.GetProperty("targets").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(fixture.Host.Logs.Lines, l => l.Contains("may not touch", StringComparison.Ordinal));
    }
}
