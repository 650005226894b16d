using System.Net;
using System.Net.Http.Json;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Vms;

/// <summary>The same front-door suite against vcsim's standalone ESXi host, plus what only ESXi does differently.</summary>
public sealed class EsxiFrontDoorTests(EsxiFrontDoorFixture fixture) : FrontDoorSuite<EsxiFrontDoorFixture>(fixture), IClassFixture<EsxiFrontDoorFixture>
{
    [Fact]
    public async Task Tags_answer_501_saying_they_need_a_vcenter()
    {
        var problem = await ProblemAsync(await Client.GetAsync("/api/v1/tag-categories"), HttpStatusCode.NotImplemented);

        Assert.Contains("needs a vCenter", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clone_has_its_own_copies_of_the_disks()
    {
        var source = await CreateAsync(new { vm_label = "esx-source", disk_gb = 1 });

        var clone = await ReadAsync<VmDetails>(await Client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = "esx-source", destination_label = "esx-copy" }), HttpStatusCode.Created);
        var sourceFiles = await Inspector.DiskFilesAsync(source.Id);
        var cloneFiles = await Inspector.DiskFilesAsync(clone.Id);
        var folders = await Inspector.DatastoreFoldersAsync();

        var cloneFile = Assert.Single(cloneFiles);
        Assert.DoesNotContain(cloneFile, sourceFiles);
        Assert.StartsWith($"[{Fixture.MostFreeDatastore}] esx-copy/", cloneFile, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folders[Fixture.MostFreeDatastore], cloneFile[(cloneFile.IndexOf(']', StringComparison.Ordinal) + 2)..])), cloneFile);
    }

    [Fact]
    public async Task Cloning_a_powered_on_vm_is_a_409_that_says_to_power_it_off()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = Fixture.ExistingVm, destination_label = "hot-copy" }), HttpStatusCode.Conflict);

        Assert.Contains("power it off", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await Inspector.VmNamedAsync("hot-copy"));
    }

    [Fact]
    public async Task A_clone_that_fails_midway_leaves_no_files_and_no_vm()
    {
        var source = await CreateAsync(new { vm_label = "broken-source", disk_gb = 1 });
        var folders = await Inspector.DatastoreFoldersAsync();
        var disk = Assert.Single(await Inspector.DiskFilesAsync(source.Id));
        // The source's disk vanishes behind our back, so the copy fails after the clone's folder was made.
        File.Delete(Path.Combine(folders[Fixture.MostFreeDatastore], disk[(disk.IndexOf(']', StringComparison.Ordinal) + 2)..]));

        var response = await Client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = "broken-source", destination_label = "half-made" });

        Assert.True((int)response.StatusCode is >= 400 and < 600 and not 500, $"got {(int)response.StatusCode}");
        Assert.Null(await Inspector.VmNamedAsync("half-made"));
        Assert.All(folders.Values, folder => Assert.False(Directory.Exists(Path.Combine(folder, "half-made")), "the clone's folder was left behind"));
    }

    [Fact]
    public async Task A_clone_onto_a_missing_datastore_is_a_404_and_makes_nothing()
    {
        await CreateAsync(new { vm_label = "ds-source", disk_gb = 1 });

        await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/vms/clone", new { source_identifier = "ds-source", destination_label = "nowhere-copy", datastore = "NoSuchDS" }), HttpStatusCode.NotFound);

        Assert.Null(await Inspector.VmNamedAsync("nowhere-copy"));
    }

    [Theory]
    [InlineData("/api/v1/clusters")]
    [InlineData("/api/v1/templates")]
    public async Task Vcenter_only_operations_say_they_need_a_vcenter(string path)
    {
        var problem = await ProblemAsync(await Client.GetAsync(path), HttpStatusCode.NotImplemented);

        Assert.Contains("standalone ESXi host", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_details_describe_the_standalone_host()
    {
        await using var mcp = await McpAsync();

        var host = await Mcp.McpCalls.CallAsync<Abstractions.Inventory.HostInfo>(mcp, "get_esxi_host");

        Assert.False(string.IsNullOrEmpty(host.Version));
        Assert.True(host.CpuCores > 0);
        Assert.True(host.MemoryBytes > 0);
        Assert.Equal("connected", host.ConnectionState);
        Assert.Null(host.Cluster);
    }
}
