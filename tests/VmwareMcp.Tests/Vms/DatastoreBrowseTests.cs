using System.Net;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Vms;

/// <summary>
/// Browsing a datastore finds what is really there: files are put into the simulator's datastore folder on
/// disk (vcsim keeps a datastore as a local folder) and looked for through the host.
/// </summary>
public sealed class DatastoreBrowseTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task An_iso_put_on_the_datastore_is_found_with_its_size_type_and_path()
    {
        var (datastore, local) = (await target.Inspector.DatastoreFoldersAsync()).First();
        Directory.CreateDirectory(Path.Combine(local, "iso-browse"));
        await File.WriteAllBytesAsync(Path.Combine(local, "iso-browse", "tiny.iso"), new byte[1234]);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var files = await mcp.CallAsync<List<DatastoreFile>>("browse_datastore", new { datastore, folder = "iso-browse", pattern = "*.iso" });

        var iso = Assert.Single(files);
        Assert.Equal((1234L, "iso", $"[{datastore}] iso-browse/tiny.iso"), (iso.SizeBytes!.Value, iso.Type, iso.Path));
    }

    [Fact]
    public async Task A_vms_files_are_found_below_its_folder()
    {
        var (datastore, local) = (await target.Inspector.DatastoreFoldersAsync()).First();
        var expected = Directory.EnumerateFiles(local, "*.vmx", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        using var client = target.Host.CreateClient();

        var files = System.Text.Json.JsonSerializer.Deserialize<List<DatastoreFile>>(
            await client.GetStringAsync($"/api/v1/datastores/{datastore}/files?pattern=*.vmx"), Json.Options)!;

        Assert.NotEmpty(expected);
        Assert.Equal(expected, files.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal("vm_config", f.Type));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("iso/../../secret")]
    [InlineData("a\\b")]
    public async Task A_folder_that_leaves_the_datastore_is_a_400_naming_folder(string folder)
    {
        var datastore = (await target.Inspector.DatastoreFoldersAsync()).Keys.First();
        using var client = target.Host.CreateClient();

        var response = await client.GetAsync($"/api/v1/datastores/{datastore}/files?folder={Uri.EscapeDataString(folder)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("folder must be a path below the datastore's root", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_datastore_that_is_not_there_is_a_404()
    {
        using var client = target.Host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/datastores/no-such-ds/files")).StatusCode);
    }
}
