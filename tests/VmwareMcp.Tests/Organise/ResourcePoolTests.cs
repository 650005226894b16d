using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Organise;

/// <summary>Resource pools over MCP and REST against vcsim's vCenter, each change read back from the simulator itself.</summary>
public sealed class ResourcePoolTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    private const string ClusterRoot = "/DC0/host/DC0_C0/Resources";

    [Fact]
    public async Task Every_cluster_and_host_has_a_root_pool_without_a_parent()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var pools = await mcp.CallAsync<List<ResourcePoolInfo>>("list_resource_pools");

        var root = Assert.Single(pools, p => p.Path == ClusterRoot);
        Assert.Null(root.Parent);
        Assert.Equal("DC0_C0", root.Owner);
        Assert.Contains(pools, p => p.Path == "/DC0/host/DC0_H0/Resources");
    }

    [Fact]
    public async Task A_pool_is_created_in_a_clusters_root_pool_with_what_was_asked()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var pool = await mcp.CallAsync<ResourcePoolInfo>("create_resource_pool", new { parent = "DC0_C0", name = "made-pool", cpu_shares = "high", cpu_reservation_mhz = 100, memory_limit_mib = 2048 });

        Assert.Equal(ClusterRoot + "/made-pool", pool.Path);
        Assert.Equal(ClusterRoot, pool.Parent);
        var read = await target.Inspector.PoolAsync(pool.Id);
        Assert.Equal(("made-pool", "high", 100L, -1L, 0L, 2048L), (read!.Name, read.CpuShares, read.CpuReservation, read.CpuLimit, read.MemoryReservation, read.MemoryLimit));
    }

    [Fact]
    public async Task An_update_changes_what_it_names_and_keeps_the_rest()
    {
        using var client = target.Host.CreateClient();
        var pool = await (await client.PostAsJsonAsync("/api/v1/resource-pools", new { parent = ClusterRoot, name = "update-pool", cpu_reservation_mhz = 300 })).Content.ReadFromJsonAsync<ResourcePoolInfo>(Json.Options);

        var updated = await client.PostAsJsonAsync("/api/v1/resource-pools/update", new { pool = pool!.Path, memory_reservation_mib = 512, name = "updated-pool" });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var read = await target.Inspector.PoolAsync(pool.Id);
        Assert.Equal(("updated-pool", 300L, 512L), (read!.Name, read.CpuReservation, read.MemoryReservation));
    }

    [Fact]
    public async Task A_vm_created_in_a_pool_is_listed_by_the_pools_path_and_name()
    {
        using var client = target.Host.CreateClient();
        var pool = await (await client.PostAsJsonAsync("/api/v1/resource-pools", new { parent = ClusterRoot, name = "vm-pool" })).Content.ReadFromJsonAsync<ResourcePoolInfo>(Json.Options);
        var vm = await (await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "in-vm-pool", resource_pool = "vm-pool" })).Content.ReadFromJsonAsync<VmDetails>(Json.Options);

        var byPath = await client.GetFromJsonAsync<VmPage>($"/api/v1/vms?resource_pool={Uri.EscapeDataString(pool!.Path)}", Json.Options);
        var byName = await client.GetFromJsonAsync<VmPage>("/api/v1/vms?resource_pool=vm-pool", Json.Options);

        Assert.Equal(pool.Id, await target.Inspector.VmPoolAsync(vm!.Id));
        Assert.Equal(pool.Path, vm.ResourcePool);
        Assert.Equal([vm.Id], byPath!.Items.Select(v => v.Id));
        Assert.Equal([vm.Id], byName!.Items.Select(v => v.Id));
    }

    [Fact]
    public async Task A_vm_created_and_one_cloned_into_a_pool_named_by_path_run_in_it()
    {
        using var client = target.Host.CreateClient();
        var pool = await (await client.PostAsJsonAsync("/api/v1/resource-pools", new { parent = ClusterRoot, name = "path-pool" })).Content.ReadFromJsonAsync<ResourcePoolInfo>(Json.Options);

        var created = await (await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "by-path-made", resource_pool = pool!.Path, folder = "/DC0/vm" })).Content.ReadFromJsonAsync<VmDetails>(Json.Options);
        var cloned = await (await client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = "by-path-made", destination_label = "by-path-copy", pool = pool.Path })).Content.ReadFromJsonAsync<VmDetails>(Json.Options);

        Assert.Equal(pool.Id, await target.Inspector.VmPoolAsync(created!.Id));
        Assert.Equal(pool.Id, await target.Inspector.VmPoolAsync(cloned!.Id));
    }

    [Fact]
    public async Task Deleting_a_pool_moves_its_vms_to_the_parent_once_confirmed()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var pool = await mcp.CallAsync<ResourcePoolInfo>("create_resource_pool", new { parent = ClusterRoot, name = "doomed-pool" });
        var vm = await mcp.CallAsync<VmDetails>("create_vm", new { vm_label = "in-doomed-pool", resource_pool = "doomed-pool" });
        var root = (await mcp.CallAsync<List<ResourcePoolInfo>>("list_resource_pools")).Single(p => p.Path == ClusterRoot);

        var preview = await mcp.PreviewAsync("delete_resource_pool", new { pool = pool.Path });
        Assert.NotNull(await target.Inspector.PoolAsync(pool.Id));
        await mcp.CallAsync<ResourcePoolInfo>("delete_resource_pool", new { pool = pool.Path, confirm = true });

        Assert.Contains($"in-doomed-pool ({vm.Id})", preview, StringComparison.Ordinal);
        Assert.Null(await target.Inspector.PoolAsync(pool.Id));
        Assert.Equal(root.Id, await target.Inspector.VmPoolAsync(vm.Id));
        var row = (await mcp.CallAsync<VmPage>("list_vms", new { name = "in-doomed-pool" })).Items.Single();
        Assert.Equal(ClusterRoot, row.ResourcePool);
    }

    [Fact]
    public async Task A_root_pool_cannot_be_deleted()
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/resource-pools/delete", new { pool = ClusterRoot });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("root pool", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpu_shares", "lots")]
    [InlineData("memory_shares", "-4")]
    [InlineData("cpu_reservation_mhz", -5)]
    [InlineData("memory_limit_mib", 0)]
    [InlineData("name", "a/b")]
    public async Task A_bad_value_is_a_400_naming_its_field_and_makes_no_pool(string field, object value)
    {
        using var client = target.Host.CreateClient();
        var body = new Dictionary<string, object> { ["parent"] = ClusterRoot, ["name"] = "bad-pool", [field] = value };

        var response = await client.PostAsJsonAsync("/api/v1/resource-pools", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await client.GetFromJsonAsync<List<ResourcePoolInfo>>("/api/v1/resource-pools", Json.Options) ?? [], p => p.Name is "bad-pool" or "a/b");
    }

    [Fact]
    public async Task A_ten_thousand_character_pool_name_is_a_400()
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/resource-pools", new { parent = ClusterRoot, name = new string('p', 10_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
