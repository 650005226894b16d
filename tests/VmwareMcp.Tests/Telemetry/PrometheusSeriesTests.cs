using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Telemetry;

/// <summary>A host whose collector has not run a round yet (one an hour).</summary>
public sealed class IdleCollector : SimulatedVcenter
{
    protected override string ExtraSettings => "telemetry_interval_seconds: 3600";
}

/// <summary>The series an operator's dashboards and alerts need from the first scrape.</summary>
public sealed class PrometheusSeriesTests(IdleCollector target) : IClassFixture<IdleCollector>
{
    [Fact]
    public async Task Build_info_names_the_version_and_the_contract()
    {
        using var client = target.Host.CreateClient();

        var text = await client.GetStringAsync("/metrics");

        var line = Assert.Single(text.Split('\n'), l => l.StartsWith("vmwaremcp_build_info{", StringComparison.Ordinal));
        Assert.Contains($"contract=\"{VmwareMcp.Abstractions.ContractVersion.Current}\"", line, StringComparison.Ordinal);
        Assert.EndsWith(" 1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_collectors_counters_exist_at_zero_before_any_round()
    {
        using var client = target.Host.CreateClient();

        var text = await client.GetStringAsync("/metrics");

        Assert.Contains("vmwaremcp_collector_failures_total{target=\"default\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("vmwaremcp_collector_samples_total{target=\"default\"} 0", text, StringComparison.Ordinal);
    }
}
