using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Host.Audit;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Vms;

/// <summary>
/// A change made through the host is undone by its audit id, from the VM's state the audit kept before and
/// after it; what the undo did is read back from the simulator.
/// </summary>
public sealed class UndoTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task A_rename_is_undone_over_mcp_by_its_audit_id()
    {
        var vm = await FreshVmAsync("undo-rename");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        await mcp.CallAsync<JsonElement>("rename_vm", new { vm, new_name = "undo-renamed" });

        var undone = await mcp.CallAsync<JsonElement>("undo_change", new { change_id = await ChangeIdAsync(vm, "rename_vm"), confirm = true });

        Assert.Equal("undo-rename", undone.GetProperty("vm").GetProperty("name").GetString());
        Assert.NotNull(await target.Inspector.VmNamedAsync("undo-rename"));
        Assert.Null(await target.Inspector.VmNamedAsync("undo-renamed"));
    }

    [Fact]
    public async Task A_resize_is_undone_over_rest()
    {
        var vm = await FreshVmAsync("undo-resize");
        var before = (await target.Inspector.VmNamedAsync("undo-resize"))!;
        using var client = target.Host.CreateClient();
        await client.PostAsJsonAsync($"/api/v1/vms/{vm}/reconfigure", new { vcpus = before.NumCpu + 1 });

        using var undone = await client.PostAsync($"/api/v1/changes/{await ChangeIdAsync(vm, "POST /api/v1/vms/{id}/reconfigure")}/undo", null);

        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Equal(before.NumCpu, (await target.Inspector.VmNamedAsync("undo-resize"))!.NumCpu);
    }

    [Fact]
    public async Task A_power_off_is_undone_by_powering_on()
    {
        var vm = await FreshVmAsync("undo-power");
        await target.Inspector.PowerOnAsync(vm);
        using var client = target.Host.CreateClient();
        await client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = vm, desired_state = "POWER_OFF" });

        using var undone = await client.PostAsync($"/api/v1/changes/{await ChangeIdAsync(vm, "POST /api/v1/vms/power")}/undo", null);

        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Equal("poweredOn", (await target.Inspector.VmNamedAsync("undo-power"))!.PowerState);
    }

    [Fact]
    public async Task An_undo_is_refused_when_the_vm_changed_since()
    {
        var vm = await FreshVmAsync("undo-drift");
        await target.Inspector.PowerOnAsync(vm);
        using var client = target.Host.CreateClient();
        await client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = vm, desired_state = "POWER_OFF" });
        await target.Inspector.PowerOnAsync(vm); // Behind the host's back.

        using var refused = await client.PostAsync($"/api/v1/changes/{await ChangeIdAsync(vm, "POST /api/v1/vms/power")}/undo", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("changed since", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("poweredOn", (await target.Inspector.VmNamedAsync("undo-drift"))!.PowerState);
    }

    [Fact]
    public async Task Undo_without_confirmation_previews_what_it_would_set_back()
    {
        var vm = await FreshVmAsync("undo-preview");
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        await mcp.CallAsync<JsonElement>("rename_vm", new { vm, new_name = "undo-preview-renamed" });

        var preview = await mcp.PreviewAsync("undo_change", new { change_id = await ChangeIdAsync(vm, "rename_vm") });

        Assert.Contains("rename 'undo-preview-renamed' back to 'undo-preview'", preview, StringComparison.Ordinal);
        Assert.NotNull(await target.Inspector.VmNamedAsync("undo-preview-renamed"));
    }

    [Fact]
    public async Task The_typescript_sdk_undoes_a_rename_and_accepts_the_result_against_the_output_schema()
    {
        var vm = await FreshVmAsync("undo-ts");

        var (exitCode, output) = await Conformance.NodeClient.RunAsync(target.Host, "node",
            "scenarios.mjs", "undo", "--url", target.Host.BaseUrl.ToString(), "--token", TestHost.Token, "--vm", vm, "--name", "undo-ts-renamed");

        Assert.True(exitCode == 0, output);
        Assert.Contains("{\"name\":\"undo-ts\"}", output, StringComparison.Ordinal);
        Assert.NotNull(await target.Inspector.VmNamedAsync("undo-ts"));
    }

    [Fact]
    public async Task Undoing_a_change_the_audit_log_does_not_have_is_a_404()
    {
        using var client = target.Host.CreateClient();

        using var response = await client.PostAsync("/api/v1/changes/no-such-change/undo", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> FreshVmAsync(string name) => await target.Inspector.CloneVmAsync((await target.Inspector.VmNamedAsync("DC0_H0_VM0"))!.Id, name);

    private async Task<string> ChangeIdAsync(string vm, string operation)
    {
        using var client = target.Host.CreateClient();
        var records = await client.GetFromJsonAsync<List<AuditRecord>>($"/api/v1/audit?vm={vm}&outcome=ok&limit=100", Json.Options);
        return records!.First(r => r.Operation == operation).Id!;
    }
}
