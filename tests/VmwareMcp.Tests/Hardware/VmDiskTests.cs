using System.Net;
using System.Net.Http.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Hardware;

/// <summary>Disks added, grown and removed after creation, over MCP and REST, read back from vcsim's own device list.</summary>
public sealed class VmDiskTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    private Task<VmDetails> NewVmAsync(string name, int diskGb = 0) => target.Host.CreateVmAsync(new { vm_label = name, disk_gb = diskGb });

    [Fact]
    public async Task An_added_disk_is_thin_of_the_size_asked_on_a_new_scsi_controller()
    {
        var vm = await NewVmAsync("disk-add");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var after = await mcp.CallAsync<VmDetails>("add_vm_disk", new { vm = vm.Id, size_gb = 3 });

        var devices = await target.Inspector.DevicesAsync(vm.Id);
        var disk = Assert.Single(devices, d => d.Type == "VirtualDisk");
        var controller = Assert.Single(devices, d => d.Key == disk.ControllerKey);
        Assert.Equal((3L * 1024 * 1024, true, "VirtualLsiLogicController"), (disk.CapacityKb!.Value, disk.Thin!.Value, controller.Type));
        var shown = Assert.Single(after.Disks);
        Assert.Equal((3.0, "thin", "SCSI controller 0"), (shown.CapacityGb, shown.Provisioning, shown.Controller));
    }

    [Fact]
    public async Task An_eager_zeroed_disk_on_a_named_controller_type_gets_a_new_controller_of_that_type()
    {
        var vm = await NewVmAsync("disk-pvscsi", diskGb: 1);
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync($"/api/v1/vms/{vm.Id}/disks", new { size_gb = 2, provisioning = "eager_zeroed", controller = "pvscsi" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var devices = await target.Inspector.DevicesAsync(vm.Id);
        var pvscsi = Assert.Single(devices, d => d.Type == "ParaVirtualSCSIController");
        var disk = Assert.Single(devices, d => d.Type == "VirtualDisk" && d.ControllerKey == pvscsi.Key);
        Assert.Equal((false, true, 1), (disk.Thin, disk.EagerlyScrub, pvscsi.BusNumber));
        Assert.Equal(2, devices.Count(d => d.Type == "VirtualDisk"));
    }

    [Fact]
    public async Task A_grown_disk_has_its_new_size_in_the_simulator()
    {
        var vm = await NewVmAsync("disk-grow", diskGb: 1);
        using var client = target.Host.CreateClient();

        var response = await client.PatchAsJsonAsync($"/api/v1/vms/{vm.Id}/disks/{vm.Disks[0].Key}", new { size_gb = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5L * 1024 * 1024, Assert.Single(await target.Inspector.DevicesAsync(vm.Id), d => d.Type == "VirtualDisk").CapacityKb);
    }

    [Fact]
    public async Task Shrinking_a_disk_is_a_400_naming_size_gb_and_changes_nothing()
    {
        var vm = await NewVmAsync("disk-shrink", diskGb: 4);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("resize_vm_disk", new { vm = vm.Id, disk = vm.Disks[0].Label, size_gb = 2 });

        Assert.Contains("size_gb: 2 GiB does not grow", error, StringComparison.Ordinal);
        Assert.Equal(4L * 1024 * 1024, Assert.Single(await target.Inspector.DevicesAsync(vm.Id), d => d.Type == "VirtualDisk").CapacityKb);
    }

    [Fact]
    public async Task A_removed_disk_keeps_its_file_unless_delete_file_is_given()
    {
        var vm = await NewVmAsync("disk-remove", diskGb: 1);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var added = await mcp.CallAsync<VmDetails>("add_vm_disk", new { vm = vm.Id, size_gb = 1 });
        var (kept, deleted) = (added.Disks[0], added.Disks[1]);

        await mcp.CallAsync<VmDetails>("remove_vm_disk", new { vm = vm.Id, disk = kept.Label, confirm = true });
        await mcp.CallAsync<VmDetails>("remove_vm_disk", new { vm = vm.Id, disk = deleted.Label, delete_file = true, confirm = true });

        Assert.DoesNotContain(await target.Inspector.DevicesAsync(vm.Id), d => d.Type == "VirtualDisk");
        Assert.True(File.Exists(await LocalPathAsync(kept.FileName!)), kept.FileName + " should stay");
        Assert.False(File.Exists(await LocalPathAsync(deleted.FileName!)), deleted.FileName + " should be gone");
    }

    [Fact]
    public async Task Removing_a_disk_without_confirm_previews_the_file_it_would_delete()
    {
        var vm = await NewVmAsync("disk-preview", diskGb: 1);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var preview = await mcp.PreviewAsync("remove_vm_disk", new { vm = vm.Id, disk = vm.Disks[0].Label, delete_file = true });

        Assert.Contains($"delete {vm.Disks[0].FileName}", preview, StringComparison.Ordinal);
        Assert.Single(await target.Inspector.DevicesAsync(vm.Id), d => d.Type == "VirtualDisk");
    }

    [Theory]
    [InlineData("{\"size_gb\":0}", "size_gb")]
    [InlineData("{\"size_gb\":-5}", "size_gb")]
    [InlineData("{\"size_gb\":99999999}", "size_gb")]
    [InlineData("{\"size_gb\":1,\"controller\":\"floppy\"}", "controller")]
    [InlineData("{\"size_gb\":1,\"provisioning\":\"sparse\"}", "provisioning")]
    [InlineData("{\"size_gb\":1,\"datastore\":\"../etc\"}", "datastore")]
    public async Task A_bad_disk_is_a_4xx_naming_the_field_and_adds_nothing(string body, string field)
    {
        var vm = await NewVmAsync("disk-bad-" + field + body.Length);
        using var client = target.Host.CreateClient();

        var response = await client.PostAsync($"/api/v1/vms/{vm.Id}/disks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await target.Inspector.DevicesAsync(vm.Id), d => d.Type == "VirtualDisk");
    }

    /// <summary>Where vcsim keeps a datastore path's file on this machine.</summary>
    private async Task<string> LocalPathAsync(string datastorePath)
    {
        var datastore = datastorePath[1..datastorePath.IndexOf(']', StringComparison.Ordinal)];
        return Path.Combine((await target.Inspector.DatastoreFoldersAsync())[datastore], datastorePath[(datastorePath.IndexOf(']', StringComparison.Ordinal) + 2)..]);
    }
}
