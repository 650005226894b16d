using System.Net;
using System.Net.Http.Json;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Vms;

/// <summary>The front-door suite against vcsim's vCenter, plus what only a vCenter has.</summary>
public sealed class VcenterFrontDoorTests(VcenterFrontDoorFixture fixture) : FrontDoorSuite<VcenterFrontDoorFixture>(fixture), IClassFixture<VcenterFrontDoorFixture>
{
    [Fact]
    public async Task Clone_from_a_template_makes_a_vm()
    {
        // Made through the API: vcsim's MarkAsTemplate changes the VM without a property update, so a template
        // made behind the host's back never reaches a warm inventory cache there (a real vCenter sends it).
        var source = await CreateAsync(new { vm_label = "template-source", vcpus = 2 });
        var template = await ReadAsync<VmDetails>(await Client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = source.Id, destination_label = "base-template-centos", as_template = true }), HttpStatusCode.Created);
        VmPage templates = null!;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            templates = await ReadAsync<VmPage>(await Client.GetAsync("/api/v1/templates"));
            return templates.Items.Any(t => t.Id == template.Id);
        }, TimeSpan.FromSeconds(5)), "the new template never showed in the templates list");

        var clone = await ReadAsync<VmDetails>(await Client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = "base-template-centos", destination_label = "from-template" }), HttpStatusCode.Created);

        Assert.Contains(templates.Items, t => t.Id == template.Id);
        Assert.False(clone.IsTemplate);
        Assert.Equal(2, (await Inspector.VmNamedAsync("from-template"))!.NumCpu);
    }

    [Fact]
    public async Task Clone_onto_an_existing_name_is_a_409_with_vcenters_message()
    {
        await CreateAsync(new { vm_label = "taken-name" });

        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = Fixture.ExistingVm, destination_label = "taken-name" }), HttpStatusCode.Conflict);

        Assert.True(problem.GetProperty("fault").GetString() == "DuplicateName", problem.ToString());
        Assert.Contains("taken-name", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_two_vms_share_is_a_409_listing_both_ids()
    {
        var folder = await Inspector.CreateFolderAsync("dup-folder");
        var first = await CreateAsync(new { vm_label = "twin" });
        var second = await CreateAsync(new { vm_label = "twin", folder = "dup-folder" });

        var problem = await ProblemAsync(await Client.GetAsync("/api/v1/vms/twin"), HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString()!;

        Assert.NotNull(folder);
        Assert.Contains(first.Id, detail, StringComparison.Ordinal);
        Assert.Contains(second.Id, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clusters_come_from_the_vcenter_plugin()
    {
        var clusters = await ReadAsync<List<ClusterInfo>>(await Client.GetAsync("/api/v1/clusters"));

        Assert.Equal("DC0_C0", Assert.Single(clusters).Name);
        Assert.Equal(3, clusters[0].HostCount);
    }

    [Fact]
    public async Task Vms_in_the_cluster_name_it()
    {
        var page = await ReadAsync<VmPage>(await Client.GetAsync("/api/v1/vms?cluster=DC0_C0"));

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, v => Assert.Equal("DC0_C0", v.Cluster));
    }

    [Fact]
    public async Task A_terminated_session_is_renewed_and_the_next_call_succeeds()
    {
        await ReadAsync<VmPage>(await Client.GetAsync("/api/v1/vms"));
        Assert.True(await Inspector.TerminateOtherSessionsAsync() >= 1);

        var after = await Client.GetAsync("/api/v1/vms");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
