using System.Net;
using System.Net.Http.Json;
using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Ovf;

/// <summary>A package's manifest (.mf) vouches for its files: one that matches deploys, one that does not leaves nothing.</summary>
public sealed class OvfManifestTests(OvfTarget target) : IClassFixture<OvfTarget>
{
    [Fact]
    public async Task An_ova_whose_files_match_its_manifest_deploys()
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = target.Packages.PathOf("signed.ova"), name = "mf-signed" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(await target.Inspector.VmNamedAsync("mf-signed"));
    }

    [Fact]
    public async Task A_manifest_of_hostile_bytes_is_a_400_naming_its_line_and_leaves_no_vm()
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = target.Packages.PathOf("garbage-manifest.ova"), name = "mf-garbage" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("manifest's line 1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("mf-garbage"));
    }

    [Theory]
    [InlineData("tampered.ova", "mf-tampered-disk", "tiny-disk1.vmdk")]
    [InlineData("tampered-descriptor.ova", "mf-tampered-ovf", "tiny.ovf")]
    [InlineData("tampered.ovf", "mf-tampered-plain", "tiny-disk1.vmdk")]
    public async Task A_file_that_does_not_match_the_manifest_is_a_400_naming_it_and_leaves_no_vm(string package, string name, string file)
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = target.Packages.PathOf(package), name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await response.Content.ReadAsStringAsync();
        Assert.Contains($"'{file}' does not match its manifest", detail, StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync(name));
    }
}
