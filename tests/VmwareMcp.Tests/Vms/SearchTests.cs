using System.Net;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Vms;

/// <summary>Finding VMs by UUID or inventory path in one call, checked against the simulator's own values.</summary>
public sealed class SearchTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task A_vm_is_found_by_its_bios_uuid()
    {
        var vm = (await target.Inspector.VmsAsync()).First(v => v.Name == "DC0_H0_VM0");
        var (uuid, _) = await target.Inspector.VmUuidsAsync(vm.Id);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var found = await mcp.CallAsync<List<VmSummary>>("find_vms", new { uuid });

        Assert.Equal(vm.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task A_vm_is_found_by_its_instance_uuid()
    {
        var vm = (await target.Inspector.VmsAsync()).First(v => v.Name == "DC0_H0_VM1");
        var (_, instance) = await target.Inspector.VmUuidsAsync(vm.Id);
        using var client = target.Host.CreateClient();

        var found = JsonSerializer.Deserialize<List<VmSummary>>(await client.GetStringAsync($"/api/v1/vms/search?uuid={instance}&instance_uuid=true"), Json.Options)!;

        Assert.Equal(vm.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task A_vm_is_found_by_its_inventory_path()
    {
        var vm = (await target.Inspector.VmsAsync()).First(v => v.Name == "DC0_H0_VM0");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var found = await mcp.CallAsync<List<VmSummary>>("find_vms", new { inventory_path = "DC0/vm/DC0_H0_VM0" });

        Assert.Equal(vm.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task An_address_no_guest_reports_finds_nothing()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        Assert.Empty(await mcp.CallAsync<List<VmSummary>>("find_vms", new { ip = "203.0.113.77" }));
    }

    [Theory]
    [InlineData("/api/v1/vms/search")]
    [InlineData("/api/v1/vms/search?ip=10.0.0.1&uuid=abc")]
    public async Task Anything_but_one_criterion_is_a_400_saying_so(string query)
    {
        using var client = target.Host.CreateClient();

        var response = await client.GetAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("exactly one of ip, dns_name, uuid, inventory_path", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
