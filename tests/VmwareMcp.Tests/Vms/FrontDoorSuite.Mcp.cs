using System.Net.Http.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Vms;

/// <summary>The same operations through a real MCP client (Streamable HTTP), checked by an independent read.</summary>
public abstract partial class FrontDoorSuite<TFixture>
{
    protected Task<McpClient> McpAsync() => Fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

    [Fact]
    public async Task Mcp_list_vms_pages_by_default_and_gives_the_total()
    {
        await using var mcp = await McpAsync();

        var page = await mcp.CallAsync<VmPage>("list_vms", new { limit = 1 });

        Assert.Equal((await Inspector.VmsAsync()).Count, page.Total);
        Assert.Single(page.Items);
        Assert.Equal(1, page.NextOffset);
    }

    [Fact]
    public async Task Mcp_get_vm_returns_structured_details()
    {
        await using var mcp = await McpAsync();

        var vm = await mcp.CallAsync<VmDetails>("get_vm", new { vm = Fixture.ExistingVm });

        Assert.Equal((await Inspector.VmNamedAsync(Fixture.ExistingVm))!.Id, vm.Id);
    }

    [Fact]
    public async Task Mcp_create_vm_makes_the_vm()
    {
        await using var mcp = await McpAsync();

        var vm = await mcp.CallAsync<VmDetails>("create_vm", new { vm_label = "mcp-made", vcpus = 2, ram_mib = 2048 });
        var seen = (await Inspector.VmNamedAsync("mcp-made"))!;

        Assert.Equal(seen.Id, vm.Id);
        Assert.Equal((2, 2048), (seen.NumCpu, seen.MemoryMb));
    }

    [Fact]
    public async Task Mcp_clone_vm_copies_and_reports_progress()
    {
        await using var mcp = await McpAsync();
        var progress = new McpCalls.ProgressLog();

        await CreateAsync(new { vm_label = "mcp-clone-source", disk_gb = 1 });

        var clone = await mcp.CallAsync<VmDetails>("clone_vm", new { source_identifier = "mcp-clone-source", destination_label = "mcp-clone" }, progress);

        Assert.Equal(clone.Id, (await Inspector.VmNamedAsync("mcp-clone"))!.Id);
        await progress.FirstArrived.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(progress.Values, p => Assert.Equal(100, p.Total));
        Assert.All(progress.Values, p => Assert.InRange(p.Progress, 0, 100));
    }

    [Fact]
    public async Task Clone_with_the_seed_body_copies_the_source()
    {
        await CreateAsync(new { vm_label = "base-vm-centos", vcpus = 2, ram_mib = 3072, disk_gb = 1 });
        var source = (await Inspector.VmNamedAsync("base-vm-centos"))!;

        var clone = await ReadAsync<VmDetails>(await Client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = "base-vm-centos", destination_label = "cloned-test-vm" }), System.Net.HttpStatusCode.Created);
        var seen = (await Inspector.VmNamedAsync("cloned-test-vm"))!;

        Assert.Equal(clone.Id, seen.Id);
        Assert.NotEqual(source.Id, seen.Id);
        Assert.Equal((2, 3072), (seen.NumCpu, seen.MemoryMb));
        Assert.Equal(source.NumCpu, seen.NumCpu);
        Assert.Single(clone.Disks);
    }

    [Fact]
    public async Task Mcp_power_vm_changes_the_power_state()
    {
        await CreateAsync(new { vm_label = "mcp-power", power_on = true });
        await using var mcp = await McpAsync();

        var result = await mcp.CallAsync<PowerResult>("power_vm", new { vm = "mcp-power", desired_state = "POWER_OFF", confirm = true });

        Assert.True(result.Changed);
        Assert.Equal("poweredOff", (await Inspector.VmNamedAsync("mcp-power"))!.PowerState);
    }

    [Fact]
    public async Task Mcp_an_unknown_desired_state_is_a_tool_error_listing_the_valid_ones()
    {
        await using var mcp = await McpAsync();

        var message = await mcp.CallExpectingErrorAsync("power_vm", new { vm = Fixture.ExistingVm, desired_state = "EXPLODE", confirm = true });

        Assert.Contains("POWER_ON", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mcp_reconfigure_vm_resizes()
    {
        await CreateAsync(new { vm_label = "mcp-resize" });
        await using var mcp = await McpAsync();

        await mcp.CallAsync<VmDetails>("reconfigure_vm", new { vm = "mcp-resize", vcpus = 3 });

        Assert.Equal(3, (await Inspector.VmNamedAsync("mcp-resize"))!.NumCpu);
    }

    [Fact]
    public async Task Mcp_delete_vm_of_a_running_vm_without_force_is_a_tool_error_that_says_what_to_do()
    {
        await CreateAsync(new { vm_label = "mcp-running", power_on = true });
        await using var mcp = await McpAsync();

        var message = await mcp.CallExpectingErrorAsync("delete_vm", new { vm = "mcp-running", confirm = true });

        Assert.Contains("force", message, StringComparison.Ordinal);
        Assert.NotNull(await Inspector.VmNamedAsync("mcp-running"));
    }

    [Fact]
    public async Task Mcp_delete_vm_deletes()
    {
        await CreateAsync(new { vm_label = "mcp-doomed" });
        await using var mcp = await McpAsync();

        await mcp.CallAsync<VmReference>("delete_vm", new { vm = "mcp-doomed", confirm = true });

        Assert.Null(await Inspector.VmNamedAsync("mcp-doomed"));
    }

    [Fact]
    public async Task Mcp_snapshot_tools_take_list_revert_and_remove()
    {
        await CreateAsync(new { vm_label = "mcp-snap" });
        await using var mcp = await McpAsync();

        var taken = await mcp.CallAsync<SnapshotInfo>("create_snapshot", new { vm = "mcp-snap", name = "s1" });
        var listed = await mcp.CallAsync<List<SnapshotInfo>>("list_snapshots", new { vm = "mcp-snap" });
        await mcp.CallAsync<SnapshotInfo>("revert_snapshot", new { vm = "mcp-snap", snapshot = "s1", confirm = true });
        await mcp.CallAsync<SnapshotInfo>("remove_snapshot", new { vm = "mcp-snap", snapshot = taken.Id, confirm = true });

        Assert.Equal(taken.Id, Assert.Single(listed).Id);
        Assert.Equal(0, (await Inspector.VmNamedAsync("mcp-snap"))!.Snapshots);
    }

    [Fact]
    public async Task Mcp_unknown_vm_is_a_tool_error_that_names_it()
    {
        await using var mcp = await McpAsync();

        var message = await mcp.CallExpectingErrorAsync("get_vm", new { vm = "ghost-vm" });

        Assert.Contains("NotFound", message, StringComparison.Ordinal);
        Assert.Contains("ghost-vm", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mcp_inventory_tools_return_what_the_simulator_has()
    {
        await using var mcp = await McpAsync();

        var hosts = await mcp.CallAsync<List<HostInfo>>("list_hosts");
        var datastores = await mcp.CallAsync<List<DatastoreInfo>>("list_datastores");
        var networks = await mcp.CallAsync<List<NetworkInfo>>("list_networks");
        var datacenters = await mcp.CallAsync<List<DatacenterInfo>>("list_datacenters");

        Assert.NotEmpty(hosts);
        Assert.Equal((await Inspector.DatastoreFreeSpaceAsync()).Keys.Order(), datastores.Select(d => d.Name).Order());
        Assert.Contains(networks, n => n.Name == "VM Network");
        Assert.NotEmpty(datacenters);
    }

    [Fact]
    public async Task Mcp_a_wrong_argument_type_is_a_tool_error()
    {
        await using var mcp = await McpAsync();

        var message = await mcp.CallExpectingErrorAsync("create_vm", new { vm_label = "typed", vcpus = "four" });

        Assert.True(message.Contains("vcpus", StringComparison.Ordinal), message);
        Assert.Null(await Inspector.VmNamedAsync("typed"));
    }

    [Fact]
    public async Task Mcp_tools_carry_honest_annotations()
    {
        await using var mcp = await McpAsync();
        var tools = (await mcp.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool.Annotations);

        foreach (var read in new[] { "list_vms", "get_vm", "list_hosts", "list_datastores", "list_networks", "list_templates", "list_snapshots" })
        {
            Assert.True(tools[read]?.ReadOnlyHint, read);
        }

        foreach (var destructive in new[] { "delete_vm", "power_vm", "revert_snapshot", "remove_snapshot" })
        {
            Assert.True(tools[destructive]?.DestructiveHint, destructive);
        }

        Assert.False(tools["create_vm"]?.DestructiveHint);
    }

    [Fact]
    public async Task Mcp_every_tool_parameter_is_described()
    {
        await using var mcp = await McpAsync();

        foreach (var tool in await mcp.ListToolsAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            if (tool.JsonSchema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    Assert.True(property.Value.TryGetProperty("description", out _), $"{tool.Name}.{property.Name} has no description");
                }
            }
        }
    }
}
