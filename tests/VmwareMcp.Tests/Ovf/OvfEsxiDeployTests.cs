using System.Net;
using System.Net.Http.Json;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Ovf;

/// <summary>OVA deploy against vcsim's standalone ESXi host, which takes ImportVApp without a folder.</summary>
public sealed class OvfEsxiDeployTests(OvfEsxiTarget target) : IClassFixture<OvfEsxiTarget>
{
    [Fact]
    public async Task An_ova_deploys_on_a_standalone_host_with_the_descriptors_hardware()
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = target.Packages.PathOf("tiny.ova"), name = "esx-ova" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var vm = (await response.Content.ReadFromJsonAsync<VmDetails>(Json.Options))!;
        var record = (await target.Inspector.VmNamedAsync("esx-ova"))!;
        Assert.Equal((vm.Id, 2, 256), (record.Id, record.NumCpu, record.MemoryMb));
        Assert.Equal(1024L * 1024, Assert.Single(await target.Inspector.DevicesAsync(record.Id), d => d.Type == "VirtualDisk").CapacityKb);
    }
}
