using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Vms;

/// <summary>One-call triage of a VM and a host, checked against independent reads of the simulator.</summary>
public sealed class InvestigationTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task Investigating_a_vm_shows_its_state_snapshots_and_newest_events()
    {
        var vm = (await target.Inspector.VmsAsync()).First(v => v.Name == "DC0_H0_VM1");
        await target.Inspector.PowerOffAsync(vm.Id);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var found = await mcp.CallAsync<JsonElement>("investigate_vm", new { vm = vm.Name });

        Assert.Equal(vm.Id, found.GetProperty("vm").GetProperty("id").GetString());
        Assert.Equal("poweredOff", found.GetProperty("vm").GetProperty("power_state").GetString());
        Assert.Equal(vm.Snapshots, found.GetProperty("snapshot_count").GetInt32());
        var known = (await target.Inspector.EventsAsync(vm.Id)).Select(e => e.Key).ToHashSet();
        var events = found.GetProperty("recent_events").EnumerateArray().Select(e => e.GetProperty("key").GetInt64()).ToList();
        Assert.Contains(events, known.Contains);
        Assert.All(events, key => Assert.Contains(key, known));
        Assert.Equal(events.OrderDescending(), events);
    }

    [Fact]
    public async Task Investigating_a_vm_lists_the_datastores_it_uses_with_their_free_space()
    {
        var vm = (await target.Inspector.VmsAsync()).First(v => v.Name == "DC0_H0_VM0");
        var free = await target.Inspector.DatastoreFreeSpaceAsync();
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var found = await mcp.CallAsync<JsonElement>("investigate_vm", new { vm = vm.Id });

        var datastores = found.GetProperty("datastores").EnumerateArray().ToList();
        Assert.Equal(vm.Datastores.Order(), datastores.Select(d => d.GetProperty("name").GetString()!).Order());
        Assert.All(datastores, d => Assert.Equal(free[d.GetProperty("name").GetString()!], d.GetProperty("free_bytes").GetInt64()));
    }

    [Fact]
    public async Task Investigating_a_host_counts_the_vms_placed_on_it()
    {
        var expected = (await target.Inspector.VmsAsync()).Where(v => v.Host == "DC0_H0").ToList();
        var (id, inMaintenance, _, _) = await target.Inspector.HostAsync("DC0_H0");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var found = await mcp.CallAsync<JsonElement>("investigate_host", new { host = "DC0_H0" });

        Assert.Equal(id, found.GetProperty("health").GetProperty("id").GetString());
        Assert.Equal(inMaintenance, found.GetProperty("health").GetProperty("in_maintenance_mode").GetBoolean());
        Assert.Equal(expected.Count, found.GetProperty("vms").GetInt32());
        Assert.Equal(expected.Count(v => v.PowerState == "poweredOn"), found.GetProperty("powered_on_vms").GetInt32());
    }

    [Fact]
    public async Task Investigating_a_vm_that_is_not_there_is_a_tool_error_naming_it()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("investigate_vm", new { vm = "no-such-vm" });

        Assert.Contains("no-such-vm", error, StringComparison.Ordinal);
    }
}
