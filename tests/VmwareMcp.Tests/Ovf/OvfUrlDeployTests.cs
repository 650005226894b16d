using System.Net;
using System.Net.Http.Json;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Ovf;

/// <summary>vcsim's vCenter and a host that may fetch packages from one plain-http mirror (ovf.allow_http).</summary>
public sealed class OvfMirrorTarget : IAsyncLifetime
{
    public OvfPackages Packages { get; } = new();

    public Simulator Simulator { get; private set; } = null!;

    public PackageServer Mirror { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public SimulatorInspector Inspector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await Simulator.StartAsync([]);
        Mirror = await PackageServer.StartAsync(Packages.Folder);
        Host = await TestHost.StartAsync(TestHost.SettingsFor(Simulator, $"""
            ovf:
              allowed_urls: ["{Mirror.Url}"]
              allow_http: true
            """));
        Inspector = new SimulatorInspector(Simulator);
    }

    public async Task DisposeAsync()
    {
        Inspector.Dispose();
        await Host.DisposeAsync();
        await Mirror.DisposeAsync();
        await Simulator.DisposeAsync();
        Packages.Dispose();
    }
}

/// <summary>Packages fetched over http from an allowed mirror: an OVA streamed, a plain OVF with its disk and manifest fetched beside it.</summary>
public sealed class OvfUrlDeployTests(OvfMirrorTarget target) : IClassFixture<OvfMirrorTarget>
{
    [Theory]
    [InlineData("tiny.ova", "url-ova")]
    [InlineData("signed.ova", "url-signed-ova")]
    [InlineData("tiny.ovf", "url-ovf")]
    public async Task A_package_from_an_allowed_url_deploys_and_the_vm_is_in_vsphere(string package, string name)
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = new Uri(target.Mirror.Url, package).ToString(), name });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var record = (await target.Inspector.VmNamedAsync(name))!;
        Assert.Equal((2, 256), (record.NumCpu, record.MemoryMb));
    }

    [Fact]
    public async Task A_tampered_package_from_a_url_is_a_400_naming_the_file_and_leaves_no_vm()
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = new Uri(target.Mirror.Url, "tampered.ova").ToString(), name = "url-tampered" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'tiny-disk1.vmdk' does not match its manifest", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("url-tampered"));
    }

    [Fact]
    public async Task A_url_outside_the_allowed_prefix_is_refused_before_anything_is_fetched()
    {
        using var client = target.Host.CreateClient();
        var before = target.Mirror.Requests;

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = new Uri(target.Mirror.Url, "/elsewhere/tiny.ova").ToString(), name = "url-elsewhere" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, target.Mirror.Requests);
    }
}
