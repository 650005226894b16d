using System.Net;
using System.Net.Http.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Guest;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Guest;

/// <summary>
/// Guest customization against vcsim's vCenter, which applies LinuxPrep, Sysprep and fixed addresses at
/// power-on; what the guest then reports is read back from the simulator itself.
/// </summary>
public sealed class GuestCustomizationTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    private Task<VmDetails> NewVmAsync(string name) => target.Host.CreateVmAsync(new { vm_label = name, target_net = "VM Network" });

    [Fact]
    public async Task A_linux_customization_gives_the_guest_its_host_name_and_fixed_address_at_power_on()
    {
        var vm = await NewVmAsync("guest-linux");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        await mcp.CallAsync<VmDetails>("customize_vm", new
        {
            vm = vm.Id,
            customization = new { os = "linux", host_name = "web01", domain = "corp.example", time_zone = "Europe/Berlin", nics = new[] { new { ip = "10.0.0.21", subnet_mask = "255.255.255.0", gateways = new[] { "10.0.0.1" } } }, dns_servers = new[] { "10.0.0.2" } },
        });
        await target.Inspector.PowerOnAsync(vm.Id);

        Assert.Equal(("web01", "10.0.0.21"), await target.Inspector.GuestAsync(vm.Id));
    }

    [Fact]
    public async Task Wait_for_guest_answers_ready_with_the_address_the_guest_reports()
    {
        var vm = await NewVmAsync("guest-wait");
        using var client = target.Host.CreateClient();
        await client.PostAsJsonAsync($"/api/v1/vms/{vm.Id}/customize", new { os = "linux", host_name = "wait01", nics = new[] { new { ip = "10.0.0.31", subnet_mask = "255.255.255.0" } } });
        await target.Inspector.PowerOnAsync(vm.Id);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var state = await mcp.CallAsync<GuestState>("wait_for_guest", new { vm = vm.Id, timeout_seconds = 30 });

        Assert.Equal((true, "10.0.0.31", "wait01"), (state.Ready, state.IpAddress, state.HostName));
    }

    [Fact]
    public async Task Wait_for_guest_on_a_guest_without_an_address_answers_not_ready_when_the_time_is_up()
    {
        var vm = await NewVmAsync("guest-silent");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var state = await mcp.CallAsync<GuestState>("wait_for_guest", new { vm = vm.Id, timeout_seconds = 1 });

        Assert.Equal((false, null), (state.Ready, state.IpAddress));
    }

    [Fact]
    public async Task A_clone_with_a_customization_comes_up_as_its_own_machine()
    {
        var source = await NewVmAsync("guest-source");
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/vms/clone", new
        {
            source_identifier = source.Id, destination_label = "guest-clone", power_on = true,
            customization = new { os = "linux", host_name = "clone01", nics = new[] { new { ip = "10.0.0.41", subnet_mask = "255.255.255.0" } } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var clone = (await response.Content.ReadFromJsonAsync<VmDetails>(Json.Options))!;
        Assert.Equal(("clone01", "10.0.0.41"), await target.Inspector.GuestAsync(clone.Id));
    }

    [Fact]
    public async Task A_saved_specification_is_listed_and_applied_by_name()
    {
        var vm = await NewVmAsync("guest-saved");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var specs = await mcp.CallAsync<List<CustomizationSpecInfo>>("list_customization_specs");
        await mcp.CallAsync<VmDetails>("customize_vm", new { vm = vm.Id, customization = new { spec_name = "vcsim-linux" } });
        await target.Inspector.PowerOnAsync(vm.Id);

        Assert.Contains(specs, s => s is { Name: "vcsim-linux", Type: "Linux" });
        Assert.StartsWith("guest-saved-", (await target.Inspector.GuestAsync(vm.Id)).HostName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_windows_admin_password_is_in_neither_the_answer_nor_the_audit_log()
    {
        var vm = await NewVmAsync("guest-windows");
        using var client = target.Host.CreateClient();
        const string Password = "Sekr1t-Pa55-Never-Shown";

        var response = await client.PostAsJsonAsync($"/api/v1/vms/{vm.Id}/customize", new { os = "windows", host_name = "WIN01", admin_password = Password, workgroup = "LAB" });
        await target.Inspector.PowerOnAsync(vm.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Password, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, await client.GetStringAsync("/api/v1/audit?limit=1000"), StringComparison.Ordinal);
        Assert.Equal("WIN01", (await target.Inspector.GuestAsync(vm.Id)).HostName);
    }

    [Theory]
    [InlineData("""{"os":"linux","host_name":"a","nics":[{"ip":"10.0.0.300","subnet_mask":"255.255.255.0"}]}""", "customization.nics[0]")]
    [InlineData("""{"os":"linux","host_name":"a","nics":[{"ip":"10.0.0.3"}]}""", "customization.nics[0]")]
    [InlineData("""{"os":"linux","host_name":"bad_name!"}""", "customization.host_name")]
    [InlineData("""{"os":"beos","host_name":"a"}""", "customization.os")]
    [InlineData("""{"os":"linux","host_name":"a","time_zone":"../../etc"}""", "customization.time_zone")]
    [InlineData("""{"os":"linux","host_name":"a","admin_password":"x"}""", "admin_password")]
    [InlineData("""{"os":"linux","host_name":"a","nics":[{},{}]}""", "customization.nics has 2 entries")]
    [InlineData("""{"spec_name":"vcsim-linux","host_name":"a"}""", "customization.spec_name")]
    public async Task A_bad_customization_is_a_400_naming_the_field(string body, string field)
    {
        var vm = await NewVmAsync("guest-bad-" + body.Length);
        using var client = target.Host.CreateClient();

        var response = await client.PostAsync($"/api/v1/vms/{vm.Id}/customize", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customizing_a_running_vm_is_a_409()
    {
        var vm = await NewVmAsync("guest-running");
        await target.Inspector.PowerOnAsync(vm.Id);
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("customize_vm", new { vm = vm.Id, customization = new { os = "linux", host_name = "late" } });

        Assert.Contains("is powered on", error, StringComparison.Ordinal);
    }
}
