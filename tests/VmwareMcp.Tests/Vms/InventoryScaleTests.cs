using System.Net.Http.Json;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Vms;

/// <summary>vcsim with 5,000 VMs behind a call-counting proxy.</summary>
public sealed class LargeInventory : IAsyncLifetime
{
    public Simulator Simulator { get; private set; } = null!;

    public SoapCountingProxy Proxy { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // One cluster pool plus four standalone hosts' pools, 1,000 VMs each.
        Simulator = await Simulator.StartAsync("-tls=false", "-vm", "1000", "-host", "4");
        Proxy = await SoapCountingProxy.StartAsync(Simulator.Url);
        // Collection every hour: no background round can land between a test's reset and its count.
        // The cold path is what is counted here; the live cache has its own tests.
        Host = await TestHost.StartAsync(TestHost.SettingsVia(Simulator, Proxy, "telemetry_interval_seconds: 3600\ninventory_cache: false"));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Proxy.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

public sealed class InventoryScaleTests(LargeInventory inventory) : IClassFixture<LargeInventory>
{
    [Fact]
    public async Task Listing_5000_vms_costs_one_retrieve_properties_plus_continuations()
    {
        using var client = inventory.Host.CreateClient();
        await client.GetAsync("/readyz"); // Logs in, so the count below is the listing alone.
        inventory.Proxy.Reset();

        var page = await client.GetFromJsonAsync<VmPage>("/api/v1/vms", Json.Options);

        Assert.Equal(5000, page!.Total);
        Assert.Equal(5000, page.Items.Count);
        Assert.Equal(1, inventory.Proxy.Count("RetrievePropertiesEx"));
        Assert.InRange(inventory.Proxy.Count("ContinueRetrievePropertiesEx"), 0, 5000 / 1000);
        // The session keeps its VM and folder views: made by the first read of all VMs, never again.
        Assert.InRange(inventory.Proxy.Count("CreateContainerView"), 0, 2);
        Assert.Equal(0, inventory.Proxy.Count("DestroyView"));
    }

    [Fact]
    public async Task Finding_one_vm_by_name_among_5000_costs_a_bounded_number_of_calls()
    {
        using var client = inventory.Host.CreateClient();
        await client.GetAsync("/readyz");
        inventory.Proxy.Reset();

        var vm = await client.GetFromJsonAsync<VmDetails>("/api/v1/vms/DC0_H3_VM999", Json.Options);

        Assert.Equal("DC0_H3_VM999", vm!.Name);
        Assert.InRange(inventory.Proxy.Count("RetrievePropertiesEx"), 1, 4);
    }

    [Fact]
    public async Task Metrics_for_5000_vms_cost_one_query_perf_per_250_running_vms()
    {
        using var client = inventory.Host.CreateClient();
        await client.GetAsync("/readyz");
        inventory.Proxy.Reset();

        var metrics = await client.GetFromJsonAsync<List<VmwareMcp.Abstractions.Metrics.VmMetrics>>("/metrics/v1/vms/current", Json.Options);

        Assert.Equal(5000, metrics!.Count);
        var running = metrics.Count(m => m.PowerState == "poweredOn");
        Assert.Equal((running + 249) / 250, inventory.Proxy.Count("QueryPerf")); // batched, never one per VM
        // One for the VMs, and one for the counter catalogue unless an earlier call already read it.
        Assert.InRange(inventory.Proxy.Count("RetrievePropertiesEx"), 1, 2);
    }
}
