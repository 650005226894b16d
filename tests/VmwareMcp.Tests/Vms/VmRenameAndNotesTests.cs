using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Vms;

/// <summary>Renaming a VM and replacing its notes, read back from the simulator.</summary>
public sealed class VmRenameAndNotesTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task A_vm_is_renamed()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var vm = await mcp.CallAsync<JsonElement>("create_vm", new { vm_label = "rename-before" });

        var renamed = await mcp.CallAsync<JsonElement>("rename_vm", new { vm = vm.GetProperty("id").GetString(), new_name = "rename-after" });

        Assert.Equal("rename-after", renamed.GetProperty("name").GetString());
        Assert.Null(await target.Inspector.VmNamedAsync("rename-before"));
        Assert.Equal(vm.GetProperty("id").GetString(), (await target.Inspector.VmNamedAsync("rename-after"))!.Id);
    }

    [Fact]
    public async Task Renaming_onto_a_name_the_folder_has_is_a_409()
    {
        using var client = target.Host.CreateClient();
        await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "rename-taken" });
        var other = await (await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "rename-other" })).Content.ReadFromJsonAsync<JsonElement>();

        var response = await client.PostAsJsonAsync($"/api/v1/vms/{other.GetProperty("id").GetString()}/rename", new { new_name = "rename-taken" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotNull(await target.Inspector.VmNamedAsync("rename-other"));
    }

    [Fact]
    public async Task A_name_with_control_characters_is_a_400_naming_new_name()
    {
        using var client = target.Host.CreateClient();
        var vm = (await target.Inspector.VmsAsync()).First();

        var response = await client.PostAsJsonAsync($"/api/v1/vms/{vm.Id}/rename", new { new_name = "bad\u0001name" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("new_name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_are_replaced()
    {
        using var client = target.Host.CreateClient();
        var vm = await (await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "notes-vm" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = vm.GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/vms/{id}/notes", new { notes = "owner: team-a\nticket 42" })).StatusCode);
        Assert.Equal("owner: team-a\nticket 42", await target.Inspector.AnnotationAsync(id));

        // Clearing (empty notes) is sent as an empty annotation, which a real vCenter applies; vcsim 0.24 ignores
        // empty strings in a ReconfigVM spec, so replacing is what can be read back here.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/vms/{id}/notes", new { notes = "owner: team-b" })).StatusCode);
        Assert.Equal("owner: team-b", await target.Inspector.AnnotationAsync(id));
    }
}
