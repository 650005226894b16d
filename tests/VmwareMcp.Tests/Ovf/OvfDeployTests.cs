using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Ovf;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Ovf;

/// <summary>
/// OVF and OVA packages deployed against vcsim's vCenter through CreateImportSpec, ImportVApp and the lease's
/// uploads; what was made is read back from the simulator, and what failed must have left nothing behind.
/// </summary>
public sealed class OvfDeployTests(OvfTarget target) : IClassFixture<OvfTarget>
{
    private OvfPackages Packages => target.Packages;

    [Fact]
    public async Task An_ova_becomes_a_vm_with_the_descriptors_hardware_on_the_mapped_network()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var vm = await mcp.CallAsync<VmDetails>("deploy_ovf", new
        {
            source = Packages.PathOf("tiny.ova"), name = "ova-mapped",
            network_mapping = new Dictionary<string, string> { [OvfPackages.Network] = "DC0_DVPG0" },
        });

        var record = (await target.Inspector.VmNamedAsync("ova-mapped"))!;
        var devices = await target.Inspector.DevicesAsync(record.Id);
        Assert.Equal((vm.Id, 2, 256), (record.Id, record.NumCpu, record.MemoryMb));
        Assert.Equal(1024L * 1024, Assert.Single(devices, d => d.Type == "VirtualDisk").CapacityKb);
        Assert.Equal(["DC0_DVPG0"], record.Networks);
    }

    [Fact]
    public async Task Property_values_reach_the_vm_and_power_on_starts_it()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        await mcp.CallAsync<VmDetails>("deploy_ovf", new
        {
            source = Packages.PathOf("tiny.ova"), name = "ova-props", power_on = true,
            properties = new Dictionary<string, string> { [OvfPackages.Property] = "tiny01" },
        });

        var record = (await target.Inspector.VmNamedAsync("ova-props"))!;
        Assert.Equal("poweredOn", record.PowerState);
        Assert.Equal("tiny01", (await target.Inspector.ExtraConfigAsync(record.Id))[OvfPackages.Property]);
    }

    [Fact]
    public async Task A_plain_ovf_with_its_disk_beside_it_deploys_over_rest_as_201()
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = Packages.PathOf("tiny.ovf"), name = "ovf-rest", disk_provisioning = "thick" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var vm = (await response.Content.ReadFromJsonAsync<VmDetails>(Json.Options))!;
        Assert.Equal($"/api/v1/vms/{vm.Id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(await target.Inspector.VmNamedAsync("ovf-rest"));
    }

    [Fact]
    public async Task Inspect_ovf_shows_the_networks_files_and_properties_to_map()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var summary = await mcp.CallAsync<OvfSummary>("inspect_ovf", new { source = Packages.PathOf("tiny.ova") });

        Assert.Equal(("tiny", "Tiny Appliance 1.0"), (summary.Name, summary.Product));
        Assert.Equal([OvfPackages.Network], summary.Networks);
        Assert.Equal([OvfPackages.Property], summary.Properties);
        Assert.Equal(("tiny-disk1.vmdk", (long?)OvfPackages.DiskBytes), (Assert.Single(summary.Files).Href, summary.Files[0].SizeBytes));
    }

    [Fact]
    public async Task A_name_already_used_is_a_409_and_nothing_more_is_made()
    {
        using var client = target.Host.CreateClient();
        var before = (await target.Inspector.VmsAsync()).Count;

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = Packages.PathOf("tiny.ova"), name = "DC0_H0_VM0" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, (await target.Inspector.VmsAsync()).Count);
    }

    [Theory]
    [InlineData("no-disk.ova", "has no file 'tiny-disk1.vmdk'")]
    [InlineData("disk-first.ova", "first file must be its .ovf descriptor")]
    [InlineData("escape.ovf", "not a plain relative name")]
    [InlineData("entity.ovf", "not well-formed XML")]
    public async Task A_broken_package_is_a_400_naming_source_and_leaves_no_vm(string package, string why)
    {
        using var client = target.Host.CreateClient();
        var name = "broken-" + Path.GetFileNameWithoutExtension(package);

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = Packages.PathOf(package), name });

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("source", problem, StringComparison.Ordinal);
        Assert.Contains(why, problem, StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync(name));
    }

    [Fact]
    public async Task A_package_cut_off_midway_through_its_disk_fails_and_leaves_no_vm()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("deploy_ovf", new { source = Packages.PathOf("truncated.ova"), name = "cut-off" });

        Assert.Contains("truncated.ova", error, StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("cut-off"));
    }

    [Theory]
    [InlineData("network_mapping", """{"network_mapping":{"no-such-net":"VM Network"}}""", "no network 'no-such-net'")]
    [InlineData("network_mapping", """{"network_mapping":{"appliance-net":"no-such-port-group"}}""", "no-such-port-group")]
    [InlineData("properties", """{"properties":{"no.such.key":"x"}}""", "no property 'no.such.key'")]
    [InlineData("deployment_option", """{"deployment_option":"huge"}""", "no deployment option 'huge'")]
    [InlineData("disk_provisioning", """{"disk_provisioning":"sparse"}""", "disk_provisioning must be one of")]
    public async Task A_bad_deployment_value_is_a_400_naming_the_field_and_makes_nothing(string field, string extra, string why)
    {
        using var client = target.Host.CreateClient();
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(extra)!;
        body["source"] = JsonSerializer.SerializeToElement(Packages.PathOf("tiny.ova"));
        body["name"] = JsonSerializer.SerializeToElement("bad-" + field);

        var problem = await Problem(await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", body), field == "network_mapping" && why.StartsWith("no-such", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);

        Assert.Contains(why, problem, StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("bad-" + field));
    }

    private static async Task<string> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
    }
}
