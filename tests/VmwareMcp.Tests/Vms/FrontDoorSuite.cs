using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Vms;

/// <summary>
/// The REST front door against a simulator, each result checked by an independent read. Written once;
/// each provider's test class supplies its fixture.
/// </summary>
public abstract partial class FrontDoorSuite<TFixture>(TFixture fixture) : FrontDoorClient<TFixture>(fixture)
    where TFixture : FrontDoorFixture
{
    [Fact]
    public async Task Listing_returns_every_vm_the_simulator_has_with_the_total()
    {
        var page = await ReadAsync<VmPage>(await Client.GetAsync("/api/v1/vms"));
        var expected = await Inspector.VmsAsync();

        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected.Select(v => v.Id).Order(), page.Items.Select(v => v.Id).Order());
        Assert.Null(page.NextOffset);
    }

    [Fact]
    public async Task Listing_filters_by_name_glob_and_power_state()
    {
        var page = await ReadAsync<VmPage>(await Client.GetAsync($"/api/v1/vms?name={Fixture.ExistingVm[..^1]}*&power_state=poweredOn"));

        Assert.Contains(page.Items, v => v.Name == Fixture.ExistingVm);
        Assert.All(page.Items, v => Assert.Equal("poweredOn", v.PowerState));
        Assert.All(page.Items, v => Assert.StartsWith(Fixture.ExistingVm[..^1], v.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Listing_pages_with_limit_and_offset()
    {
        var all = await ReadAsync<VmPage>(await Client.GetAsync("/api/v1/vms"));

        var first = await ReadAsync<VmPage>(await Client.GetAsync("/api/v1/vms?limit=1"));
        var second = await ReadAsync<VmPage>(await Client.GetAsync($"/api/v1/vms?limit=1&offset={first.NextOffset}"));

        Assert.Equal(all.Total, first.Total);
        Assert.Equal(1, first.NextOffset);
        Assert.Equal(all.Items[0].Id, first.Items.Single().Id);
        Assert.Equal(all.Items[1].Id, second.Items.Single().Id);
    }

    [Fact]
    public async Task A_bad_power_state_filter_is_a_400()
    {
        await ProblemAsync(await Client.GetAsync("/api/v1/vms?power_state=sideways"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Details_by_name_and_by_id_match_the_simulator()
    {
        var expected = (await Inspector.VmNamedAsync(Fixture.ExistingVm))!;

        var byName = await ReadAsync<VmDetails>(await Client.GetAsync($"/api/v1/vms/{Fixture.ExistingVm}"));
        var byId = await ReadAsync<VmDetails>(await Client.GetAsync($"/api/v1/vms/{expected.Id}"));

        Assert.Equal(expected.Id, byName.Id);
        Assert.Equal(byName, byId with { Snapshots = byName.Snapshots, Datastores = byName.Datastores, Disks = byName.Disks, Nics = byName.Nics, Attributes = byName.Attributes, Tags = byName.Tags, Controllers = byName.Controllers, Cdroms = byName.Cdroms });
        Assert.Equal(byName.Controllers, byId.Controllers);
        Assert.Equal(byName.Disks, byId.Disks);
        Assert.Equal(byName.Attributes, byId.Attributes);
        Assert.Equal(expected.NumCpu, byName.NumCpu);
        Assert.Equal(expected.MemoryMb, byName.MemoryMib);
        Assert.Equal(expected.PowerState, byName.PowerState);
        Assert.Equal(expected.Host, byName.Host);
        Assert.Equal(expected.Datastores.Order(), byName.Datastores.Order());
        Assert.NotEmpty(byName.Disks);
        Assert.NotEmpty(byName.Nics);
    }

    [Fact]
    public async Task An_unknown_vm_is_a_404_problem()
    {
        var problem = await ProblemAsync(await Client.GetAsync("/api/v1/vms/no-such-vm"), HttpStatusCode.NotFound);

        Assert.Contains("no-such-vm", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_the_seed_body_makes_that_vm()
    {
        var created = await CreateAsync(new { vm_label = "seed-web-01", vcpus = 4, ram_mib = 8192, target_ds = Fixture.OtherDatastore, target_net = "VM Network" });
        var seen = await Inspector.VmNamedAsync("seed-web-01");

        Assert.NotNull(seen);
        Assert.Equal(created.Id, seen.Id);
        Assert.Equal(4, seen.NumCpu);
        Assert.Equal(8192, seen.MemoryMb);
        Assert.Equal([Fixture.OtherDatastore], seen.Datastores);
        Assert.Equal(["VM Network"], seen.Networks);
    }

    [Fact]
    public async Task Create_with_only_a_name_uses_the_seed_defaults()
    {
        var free = await Inspector.DatastoreFreeSpaceAsync();

        var created = await CreateAsync(new { vm_label = "defaults-only" });
        var seen = (await Inspector.VmNamedAsync("defaults-only"))!;

        Assert.Equal(free.MaxBy(f => f.Value).Key, Assert.Single(seen.Datastores));
        Assert.Equal(Fixture.MostFreeDatastore, seen.Datastores[0]);
        Assert.Equal(["VM Network"], seen.Networks);
        Assert.Equal(1, seen.NumCpu);
        Assert.Equal(1024, seen.MemoryMb);
        Assert.Equal("poweredOff", created.PowerState);
    }

    [Fact]
    public async Task Create_with_power_on_starts_the_vm()
    {
        await CreateAsync(new { vm_label = "born-running", power_on = true });

        Assert.Equal("poweredOn", (await Inspector.VmNamedAsync("born-running"))!.PowerState);
    }

    [Fact]
    public async Task Create_without_a_name_is_a_400_naming_the_field()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/vms", new { vcpus = 2 }), HttpStatusCode.BadRequest);

        Assert.Contains("vm_label", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_a_wrong_type_is_a_400_naming_the_field()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "x", vcpus = "four" }), HttpStatusCode.BadRequest);

        Assert.Contains("vcpus", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_an_unknown_datastore_is_a_404_naming_the_ones_that_exist()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "nowhere", target_ds = "NoSuchDS" }), HttpStatusCode.NotFound);

        Assert.Contains(Fixture.MostFreeDatastore, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await Client.PostAsync("/api/v1/vms", new StringContent("{\"vm_label\": ", System.Text.Encoding.UTF8, "application/json"));

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var body = new StringContent("{\"vm_label\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");
        // With Expect: 100-continue the client sends the body only if the server asks for it; the server refuses
        // first, so the answer is read instead of racing an upload the server has stopped reading (broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/vms") { Content = body };
        request.Headers.ExpectContinue = true;

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("a<b>&\"c'd")]
    [InlineData("виртуалка-1")]
    [InlineData("测试机")]
    [InlineData("emoji-🚀-vm")]
    public async Task Names_with_markup_and_unicode_round_trip_exactly(string name)
    {
        var created = await CreateAsync(new { vm_label = name });
        Assert.Equal(name, created.Name);
        Assert.Equal(created.Id, (await Inspector.VmNamedAsync(name))!.Id);

        var found = await ReadAsync<VmDetails>(await Client.GetAsync($"/api/v1/vms/{Uri.EscapeDataString(name)}"));
        var listed = await ReadAsync<VmPage>(await Client.GetAsync($"/api/v1/vms?name={Uri.EscapeDataString(name)}"));
        var deleted = await ReadAsync<VmReference>(await Client.PostAsJsonAsync("/api/v1/vms/delete", new { vm_identifier = name }));

        Assert.Equal(created.Id, found.Id);
        Assert.Equal(name, Assert.Single(listed.Items).Name);
        Assert.Equal(name, deleted.Name);
        Assert.Null(await Inspector.VmNamedAsync(name));
    }

    [Fact]
    public async Task Power_on_of_a_running_vm_succeeds_and_says_nothing_changed()
    {
        var result = await ReadAsync<PowerResult>(await Client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = Fixture.ExistingVm, desired_state = "POWER_ON" }));

        Assert.False(result.Changed);
        Assert.Contains("already powered on", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Power_off_suspend_and_on_reach_the_simulator()
    {
        await CreateAsync(new { vm_label = "power-cycle", power_on = true });

        var off = await ReadAsync<PowerResult>(await Client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = "power-cycle", desired_state = "POWER_OFF" }));
        Assert.Equal("poweredOff", (await Inspector.VmNamedAsync("power-cycle"))!.PowerState);
        await ReadAsync<PowerResult>(await Client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = "power-cycle", desired_state = "POWER_ON" }));
        var suspend = await ReadAsync<PowerResult>(await Client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = "power-cycle", desired_state = "SUSPEND" }));

        Assert.True(off.Changed);
        Assert.Equal("poweredOn", off.PreviousState);
        Assert.Equal("suspended", suspend.PowerState);
        Assert.Equal("suspended", (await Inspector.VmNamedAsync("power-cycle"))!.PowerState);
    }

    [Fact]
    public async Task Reset_of_a_powered_off_vm_is_a_409()
    {
        await CreateAsync(new { vm_label = "cold-reset" });

        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = "cold-reset", desired_state = "RESET" }), HttpStatusCode.Conflict);

        Assert.Contains("powered", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reboot_guest_which_vcsim_lacks_maps_to_a_clear_error_not_a_500()
    {
        // vcsim 0.24 does not implement RebootGuest: the fault must still become a problem with its message.
        var response = await Client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = Fixture.ExistingVm, desired_state = "REBOOT_GUEST" });

        Assert.True((int)response.StatusCode is >= 400 and < 500 or 501 or 502, $"got {(int)response.StatusCode}");
        Assert.False(string.IsNullOrEmpty((await ProblemAsync(response, response.StatusCode)).GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task An_unknown_desired_state_is_a_400()
    {
        await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = Fixture.ExistingVm, desired_state = "EXPLODE" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deleting_a_powered_on_vm_without_force_is_a_409_and_changes_nothing()
    {
        await CreateAsync(new { vm_label = "keep-running", power_on = true });

        await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/vms/delete", new { vm_identifier = "keep-running" }), HttpStatusCode.Conflict);

        Assert.Equal("poweredOn", (await Inspector.VmNamedAsync("keep-running"))!.PowerState);
    }

    [Fact]
    public async Task Deleting_with_force_powers_off_and_deletes()
    {
        var created = await CreateAsync(new { vm_label = "force-delete", power_on = true });

        var deleted = await ReadAsync<VmReference>(await Client.DeleteAsync($"/api/v1/vms/{created.Id}?force=true"));

        Assert.Equal(created.Id, deleted.Id);
        Assert.Null(await Inspector.VmNamedAsync("force-delete"));
    }

    [Fact]
    public async Task The_seed_delete_body_deletes_a_powered_off_vm()
    {
        await CreateAsync(new { vm_label = "vm-to-remove" });

        await ReadAsync<VmReference>(await Client.PostAsJsonAsync("/api/v1/vms/delete", new { vm_identifier = "vm-to-remove" }));

        Assert.Null(await Inspector.VmNamedAsync("vm-to-remove"));
    }

    [Fact]
    public async Task Reconfigure_changes_cpu_and_memory()
    {
        await CreateAsync(new { vm_label = "grow-me" });

        var details = await ReadAsync<VmDetails>(await Client.PostAsJsonAsync("/api/v1/vms/grow-me/reconfigure", new { vcpus = 2, ram_mib = 2048 }));
        var seen = (await Inspector.VmNamedAsync("grow-me"))!;

        Assert.Equal((2, 2048), (details.NumCpu, details.MemoryMib));
        Assert.Equal((2, 2048), (seen.NumCpu, seen.MemoryMb));
    }

    [Fact]
    public async Task Snapshots_are_taken_listed_reverted_and_removed()
    {
        await CreateAsync(new { vm_label = "snappy" });

        var first = await ReadAsync<SnapshotInfo>(await Client.PostAsJsonAsync("/api/v1/vms/snappy/snapshots", new { name = "before-patch", description = "baseline" }), HttpStatusCode.Created);
        var second = await ReadAsync<SnapshotInfo>(await Client.PostAsJsonAsync("/api/v1/vms/snappy/snapshots", new { name = "after-patch" }), HttpStatusCode.Created);
        var listed = await ReadAsync<List<SnapshotInfo>>(await Client.GetAsync("/api/v1/vms/snappy/snapshots"));
        Assert.Equal(2, (await Inspector.VmNamedAsync("snappy"))!.Snapshots);

        await ReadAsync<SnapshotInfo>(await Client.PostAsync("/api/v1/vms/snappy/snapshots/before-patch/revert", null));
        var current = await ReadAsync<VmDetails>(await Client.GetAsync("/api/v1/vms/snappy"));
        await ReadAsync<SnapshotInfo>(await Client.DeleteAsync($"/api/v1/vms/snappy/snapshots/{second.Id}"));

        Assert.Equal(["before-patch", "after-patch"], listed.Select(s => s.Name));
        Assert.Equal(first.Id, listed[1].ParentId);
        Assert.Equal(first.Id, current.CurrentSnapshot);
        Assert.Equal(1, (await Inspector.VmNamedAsync("snappy"))!.Snapshots);
    }

    [Fact]
    public async Task An_unknown_snapshot_is_a_404_naming_the_ones_that_exist()
    {
        await CreateAsync(new { vm_label = "one-snap" });
        await ReadAsync<SnapshotInfo>(await Client.PostAsJsonAsync("/api/v1/vms/one-snap/snapshots", new { name = "only" }), HttpStatusCode.Created);

        var problem = await ProblemAsync(await Client.PostAsync("/api/v1/vms/one-snap/snapshots/missing/revert", null), HttpStatusCode.NotFound);

        Assert.Contains("only", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Datastores_report_capacity_and_free_space_as_the_simulator_does()
    {
        var datastores = await ReadAsync<List<DatastoreInfo>>(await Client.GetAsync("/api/v1/datastores"));
        var free = await Inspector.DatastoreFreeSpaceAsync();

        Assert.Equal(free.Keys.Order(), datastores.Select(d => d.Name).Order());
        Assert.All(datastores, d => Assert.Equal(free[d.Name], d.FreeBytes));
    }

    [Fact]
    public async Task Current_vm_metrics_match_an_independent_quickstats_read()
    {
        var id = (await Inspector.VmNamedAsync(Fixture.ExistingVm))!.Id;

        var metrics = await ReadAsync<VmwareMcp.Abstractions.Metrics.VmMetrics>(await Client.GetAsync($"/metrics/v1/vm/{Fixture.ExistingVm}/current"));
        var quickStats = await Inspector.VmQuickStatsAsync(id);

        Assert.Equal(quickStats["summary.quickStats.overallCpuUsage"], metrics.CpuUsageMhz);
        Assert.Equal(quickStats["summary.quickStats.hostMemoryUsage"], metrics.HostMemoryUsageMib);
        Assert.NotNull(metrics.CpuUsagePercent);
    }

    [Fact]
    public async Task Hosts_networks_and_datacenters_are_listed()
    {
        var hosts = await ReadAsync<List<HostInfo>>(await Client.GetAsync("/api/v1/hosts"));
        var networks = await ReadAsync<List<NetworkInfo>>(await Client.GetAsync("/api/v1/networks"));
        var datacenters = await ReadAsync<List<DatacenterInfo>>(await Client.GetAsync("/api/v1/datacenters"));

        Assert.NotEmpty(hosts);
        Assert.All(hosts, h => Assert.True(h.CpuCores > 0 && h.MemoryBytes > 0));
        Assert.Contains(networks, n => n.Name == "VM Network");
        Assert.NotEmpty(datacenters);
    }
}
