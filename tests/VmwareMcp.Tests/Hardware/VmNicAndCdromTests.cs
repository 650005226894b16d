using System.Net;
using System.Net.Http.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Hardware;

/// <summary>Network adapters, CD-ROM media and the hardware version changed after creation, read back from vcsim's own device list.</summary>
public sealed class VmNicAndCdromTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    private Task<VmDetails> NewVmAsync(string name) => target.Host.CreateVmAsync(new { vm_label = name, target_net = "VM Network" });

    [Fact]
    public async Task An_added_nic_is_on_the_network_asked_with_a_mac()
    {
        var vm = await NewVmAsync("nic-add");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var after = await mcp.CallAsync<VmDetails>("add_vm_nic", new { vm = vm.Id, network = "VM Network", adapter_type = "e1000e" });

        var added = Assert.Single(await target.Inspector.DevicesAsync(vm.Id), d => d.Type == "VirtualE1000e");
        Assert.Equal(("VM Network", true), (added.NetworkName, added.Connected));
        Assert.False(string.IsNullOrEmpty(added.Mac));
        Assert.Contains(after.Nics, n => n.AdapterType == "e1000e" && n.MacAddress == added.Mac);
    }

    [Fact]
    public async Task A_nic_moved_to_a_distributed_port_group_keeps_its_mac()
    {
        var vm = await NewVmAsync("nic-move");
        var before = Assert.Single(await target.Inspector.DevicesAsync(vm.Id), d => d.Mac is not null);
        using var client = target.Host.CreateClient();

        var response = await client.PatchAsJsonAsync($"/api/v1/vms/{vm.Id}/nics/{Uri.EscapeDataString(vm.Nics[0].Label)}", new { network = "DC0_DVPG0" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = Assert.Single(await target.Inspector.DevicesAsync(vm.Id), d => d.Key == before.Key);
        Assert.Equal((before.Mac, "VirtualEthernetCardDistributedVirtualPortBackingInfo"), (after.Mac, after.BackingType));
        Assert.NotNull(after.PortgroupKey);
    }

    [Fact]
    public async Task A_disconnected_nic_is_disconnected_in_the_simulator()
    {
        var vm = await NewVmAsync("nic-disconnect");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        await mcp.CallAsync<VmDetails>("update_vm_nic", new { vm = vm.Id, nic = vm.Nics[0].MacAddress, connected = false });

        Assert.False(Assert.Single(await target.Inspector.DevicesAsync(vm.Id), d => d.Mac is not null).Connected);
    }

    [Fact]
    public async Task A_removed_nic_is_gone_from_the_simulator()
    {
        var vm = await NewVmAsync("nic-remove");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        await mcp.CallAsync<VmDetails>("remove_vm_nic", new { vm = vm.Id, nic = vm.Nics[0].Label, confirm = true });

        Assert.DoesNotContain(await target.Inspector.DevicesAsync(vm.Id), d => d.Mac is not null);
    }

    [Fact]
    public async Task A_nic_on_an_unknown_network_is_a_404_naming_it_and_adds_nothing()
    {
        var vm = await NewVmAsync("nic-nowhere");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("add_vm_nic", new { vm = vm.Id, network = "no-such-net" });

        Assert.Contains("no network named 'no-such-net'", error, StringComparison.Ordinal);
        Assert.Single(await target.Inspector.DevicesAsync(vm.Id), d => d.Mac is not null);
    }

    [Fact]
    public async Task A_mounted_iso_is_in_a_new_cd_drive_and_an_eject_empties_it()
    {
        var vm = await NewVmAsync("cd-mount");
        var (datastore, local) = (await target.Inspector.DatastoreFoldersAsync()).First();
        Directory.CreateDirectory(Path.Combine(local, "iso"));
        await File.WriteAllBytesAsync(Path.Combine(local, "iso", "tools.iso"), new byte[2048]);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var mounted = await mcp.CallAsync<VmDetails>("mount_vm_iso", new { vm = vm.Id, iso = $"[{datastore}] iso/tools.iso" });
        var drive = Assert.Single(await target.Inspector.DevicesAsync(vm.Id), d => d.Type == "VirtualCdrom");
        await mcp.CallAsync<VmDetails>("eject_vm_iso", new { vm = vm.Id });

        Assert.Equal(("VirtualCdromIsoBackingInfo", $"[{datastore}] iso/tools.iso"), (drive.BackingType, drive.FileName));
        Assert.Equal($"[{datastore}] iso/tools.iso", Assert.Single(mounted.Cdroms).Iso);
        var ejected = Assert.Single(await target.Inspector.DevicesAsync(vm.Id), d => d.Type == "VirtualCdrom");
        Assert.Equal(("VirtualCdromRemotePassthroughBackingInfo", false), (ejected.BackingType, ejected.Connected));
    }

    [Theory]
    [InlineData("[LocalDS_0] ../../etc/passwd.iso", "iso must be a datastore path")]
    [InlineData("/etc/passwd", "iso must be a datastore path")]
    [InlineData("[LocalDS_0] iso/tools.vmdk", "iso must be a datastore path")]
    public async Task An_iso_that_is_not_a_datastore_iso_is_a_400_naming_iso_and_mounts_nothing(string iso, string message)
    {
        var vm = await NewVmAsync("cd-bad-" + iso.Length);
        using var client = target.Host.CreateClient();

        var response = await client.PutAsJsonAsync($"/api/v1/vms/{vm.Id}/cdrom", new { iso });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await target.Inspector.DevicesAsync(vm.Id), d => d.Type == "VirtualCdrom");
    }

    [Theory]
    [InlineData("[LocalDS_0] iso/missing.iso")]
    [InlineData("[LocalDS_0] no-such-folder/missing.iso")]
    public async Task An_iso_that_is_not_there_is_a_404_naming_iso(string iso)
    {
        var vm = await NewVmAsync("cd-missing-" + iso.Length);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("mount_vm_iso", new { vm = vm.Id, iso });

        Assert.Contains($"iso: '{iso}' is not on the datastore", error, StringComparison.Ordinal);
        Assert.DoesNotContain(await target.Inspector.DevicesAsync(vm.Id), d => d.Type == "VirtualCdrom");
    }

    [Fact]
    public async Task An_upgraded_vm_has_the_newest_hardware_version_in_the_simulator()
    {
        var vm = await NewVmAsync("hw-upgrade");
        await target.Inspector.SetHardwareVersionAsync(vm.Id, "vmx-10");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var after = await mcp.CallAsync<VmDetails>("upgrade_vm_hardware", new { vm = vm.Id, confirm = true });

        Assert.Equal("vmx-13", await target.Inspector.HardwareVersionAsync(vm.Id));
        Assert.Equal("vmx-13", after.HardwareVersion);
    }

    [Fact]
    public async Task Upgrading_a_running_vm_is_a_409_and_changes_nothing()
    {
        var vm = await NewVmAsync("hw-running");
        await target.Inspector.SetHardwareVersionAsync(vm.Id, "vmx-10");
        await target.Inspector.PowerOnAsync(vm.Id);
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync($"/api/v1/vms/{vm.Id}/upgrade", new { version = "vmx-13" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("vmx-10", await target.Inspector.HardwareVersionAsync(vm.Id));
    }

    [Fact]
    public async Task Get_vm_shows_controllers_with_their_devices_and_a_disks_slot()
    {
        using var client = target.Host.CreateClient();
        var vm = (await (await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "hw-shown", disk_gb = 1 })).Content.ReadFromJsonAsync<VmDetails>(Json.Options))!;

        var shown = (await client.GetFromJsonAsync<VmDetails>($"/api/v1/vms/{vm.Id}", Json.Options))!;

        var scsi = Assert.Single(shown.Controllers, c => c.Type == "lsilogic");
        Assert.Equal(1, scsi.Devices);
        Assert.Equal((scsi.Label, 0, "thin"), (shown.Disks[0].Controller, shown.Disks[0].UnitNumber, shown.Disks[0].Provisioning));
        Assert.Contains(shown.Controllers, c => c.Type == "ide");
    }
}
