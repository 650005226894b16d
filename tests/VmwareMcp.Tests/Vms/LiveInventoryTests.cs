using System.Net.Http.Json;
using System.Text.Json;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Vms;

/// <summary>The live inventory cache: our changes show at once, others' within 2 s, a restart resyncs exactly.</summary>
public sealed class LiveInventoryTests
{
    private static async Task WarmAsync(TestHost host)
    {
        using var anonymous = host.CreateClient(token: null);
        Assert.True(await Eventually.HoldsAsync(async () =>
            (await anonymous.GetStringAsync("/readyz")).Contains("\"inventory_cache\":\"warm\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30)),
            "the cache never became warm");
    }

    private static async Task<VmPage> ListAsync(HttpClient client) => (await client.GetFromJsonAsync<VmPage>("/api/v1/vms", Json.Options))!;

    [Fact]
    public async Task Our_own_changes_are_in_the_very_next_list()
    {
        await using var simulator = await Simulator.StartAsync();
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(simulator));
        await WarmAsync(host);
        using var client = host.CreateClient();

        var created = await (await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "cache-new" })).Content.ReadFromJsonAsync<VmDetails>(Json.Options);
        var afterCreate = await ListAsync(client);
        var clone = await (await client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = "cache-new", destination_label = "cache-clone" })).Content.ReadFromJsonAsync<VmDetails>(Json.Options);
        var afterClone = await ListAsync(client);
        await client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = "cache-new", desired_state = "POWER_ON" });
        var afterPower = await ListAsync(client);
        await client.DeleteAsync($"/api/v1/vms/{clone!.Id}");
        var afterDelete = await ListAsync(client);

        Assert.Contains(afterCreate.Items, v => v.Id == created!.Id);
        Assert.Contains(afterClone.Items, v => v.Id == clone.Id);
        Assert.Equal("poweredOn", afterPower.Items.Single(v => v.Id == created!.Id).PowerState);
        Assert.DoesNotContain(afterDelete.Items, v => v.Id == clone.Id);
    }

    [Fact]
    public async Task A_cached_glob_list_matches_names_ignoring_case_like_the_endpoint_read()
    {
        await using var simulator = await Simulator.StartAsync();
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(simulator));
        await WarmAsync(host);
        using var client = host.CreateClient();
        using var inspector = new SimulatorInspector(simulator);

        var page = await client.GetFromJsonAsync<VmPage>("/api/v1/vms?name=dc0_h0_vm*", Json.Options);

        var expected = (await inspector.VmsAsync()).Where(v => v.Name.StartsWith("DC0_H0_VM", StringComparison.Ordinal)).Select(v => v.Id).Order();
        Assert.Equal(expected, page!.Items.Select(v => v.Id).Order());
    }

    [Fact]
    public async Task A_change_made_behind_our_back_shows_within_two_seconds()
    {
        await using var simulator = await Simulator.StartAsync();
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(simulator));
        await WarmAsync(host);
        using var client = host.CreateClient();
        using var inspector = new SimulatorInspector(simulator);
        var vm = (await inspector.VmNamedAsync("DC0_H0_VM0"))!;

        await inspector.PowerOffAsync(vm.Id);

        Assert.True(await Eventually.HoldsAsync(async () => (await ListAsync(client)).Items.Single(v => v.Id == vm.Id).PowerState == "poweredOff", TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task After_the_endpoint_restarts_with_another_inventory_the_cache_matches_it_exactly()
    {
        var first = await Simulator.StartAsync("-vm", "2");
        var address = $"{first.Url.Host}:{first.Url.Port}";
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(first));
        await WarmAsync(host);
        using var client = host.CreateClient();
        var before = await ListAsync(client);
        await first.DisposeAsync();

        await using var second = await Simulator.StartAsync("-listen", address, "-vm", "3", "-cluster", "0");
        using var inspector = new SimulatorInspector(second);
        var expected = (await inspector.VmsAsync()).Select(v => (v.Id, v.Name, v.PowerState)).Order().ToList();

        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            var listed = await client.GetAsync("/api/v1/vms");
            if (!listed.IsSuccessStatusCode)
            {
                return false;
            }

            var page = (await listed.Content.ReadFromJsonAsync<VmPage>(Json.Options))!;
            return page.Items.Select(v => (v.Id, v.Name, v.PowerState)).Order().SequenceEqual(expected)
                && (await client.GetStringAsync("/readyz")).Contains("\"inventory_cache\":\"warm\"", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(60)), "the cache did not converge on the new inventory");
        Assert.NotEqual(before.Total, expected.Count);
    }
}
