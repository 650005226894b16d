using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using VmwareMcp.Host.Health;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Security;

/// <summary>Health probes answer from a recent check, so however many arrive the endpoint sees one round per interval.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Many_probes_within_the_freshness_interval_cost_the_endpoint_nothing_and_a_later_one_checks_again()
    {
        await using var simulator = await Simulator.StartAsync("-tls=false");
        await using var proxy = await SoapCountingProxy.StartAsync(simulator.Url);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(TestHost.SettingsVia(simulator, proxy, "telemetry_interval_seconds: 3600\ninventory_cache: false"),
            configureServices: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        using var anonymous = host.CreateClient(token: null);
        Assert.True((await anonymous.GetAsync("/readyz")).IsSuccessStatusCode);
        proxy.Reset();

        var probes = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => anonymous.GetAsync("/readyz")));
        var whileFresh = proxy.Total;
        clock.Advance(TargetsHealthCheck.Freshness + TimeSpan.FromSeconds(1));
        await anonymous.GetAsync("/readyz");

        Assert.All(probes, p => Assert.True(p.IsSuccessStatusCode));
        Assert.Equal(0, whileFresh);
        Assert.True(proxy.Total > 0);
    }
}
