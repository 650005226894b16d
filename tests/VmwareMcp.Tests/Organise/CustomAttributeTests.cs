using System.Net;
using System.Net.Http.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Organise;

/// <summary>Custom attributes over MCP and REST against vcsim's vCenter, read back from the simulator itself.</summary>
public sealed class CustomAttributeTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task A_defined_attribute_is_in_the_simulator_and_listed()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var defined = await mcp.CallAsync<CustomAttributeInfo>("define_custom_attribute", new { name = "owner", object_type = "VirtualMachine" });

        Assert.Equal("owner", (await target.Inspector.CustomFieldsAsync())[defined.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Contains(await mcp.CallAsync<List<CustomAttributeInfo>>("list_custom_attributes"), a => a.Name == "owner" && a.ObjectType == "VirtualMachine");
    }

    [Fact]
    public async Task A_value_set_on_a_vm_shows_in_get_vm_and_filters_the_list()
    {
        using var client = target.Host.CreateClient();
        var field = await (await client.PostAsJsonAsync("/api/v1/custom-attributes", new { name = "cost-centre" })).Content.ReadFromJsonAsync<CustomAttributeInfo>(Json.Options);
        var tagged = await (await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "attr-tagged" })).Content.ReadFromJsonAsync<VmDetails>(Json.Options);
        await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "attr-plain" });

        var set = await client.PutAsJsonAsync($"/api/v1/vms/{tagged!.Id}/attributes", new { name = "cost-centre", value = "cc-42" });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("cc-42", (await target.Inspector.CustomValuesAsync(tagged.Id))[field!.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal("cc-42", (await client.GetFromJsonAsync<VmDetails>($"/api/v1/vms/{tagged.Id}", Json.Options))!.Attributes["cost-centre"]);
        var listed = await client.GetFromJsonAsync<VmPage>("/api/v1/vms?name=attr-*&attribute=cost-centre=cc-42", Json.Options);
        Assert.Equal([tagged.Id], listed!.Items.Select(v => v.Id));
        Assert.Equal("cc-42", listed.Items[0].Attributes["cost-centre"]);
    }

    [Fact]
    public async Task A_removed_attribute_is_gone_from_the_simulator_and_the_vms()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var field = await mcp.CallAsync<CustomAttributeInfo>("define_custom_attribute", new { name = "expires" });
        var vm = await mcp.CallAsync<VmDetails>("create_vm", new { vm_label = "attr-expiring" });
        await mcp.CallAsync<VmDetails>("set_vm_attribute", new { vm = vm.Id, name = "expires", value = "2027-01-01" });

        await mcp.CallAsync<CustomAttributeInfo>("remove_custom_attribute", new { name = "expires", confirm = true });

        Assert.DoesNotContain(field.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), (await target.Inspector.CustomFieldsAsync()).Keys);
        Assert.False((await mcp.CallAsync<VmDetails>("get_vm", new { vm = vm.Id })).Attributes.ContainsKey("expires"));
    }

    [Fact]
    public async Task Defining_a_name_twice_is_a_409()
    {
        using var client = target.Host.CreateClient();
        await client.PostAsJsonAsync("/api/v1/custom-attributes", new { name = "twice" });

        var again = await client.PostAsJsonAsync("/api/v1/custom-attributes", new { name = "twice" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single((await target.Inspector.CustomFieldsAsync()).Values, v => v == "twice");
    }

    [Fact]
    public async Task Setting_an_undefined_attribute_is_a_404_naming_name()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("set_vm_attribute", new { vm = "DC0_H0_VM0", name = "never-defined", value = "x" });

        Assert.Contains("name: no custom attribute 'never-defined'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x", 4097)]
    [InlineData("\u0001", 1)]
    public async Task A_value_too_long_or_with_control_characters_is_a_400_and_sets_nothing(string character, int count)
    {
        using var client = target.Host.CreateClient();
        await client.PostAsJsonAsync("/api/v1/custom-attributes", new { name = "bounded" });
        var vm = (await target.Inspector.VmsAsync()).First();
        var before = await target.Inspector.CustomValuesAsync(vm.Id);

        var response = await client.PutAsJsonAsync($"/api/v1/vms/{vm.Id}/attributes", new { name = "bounded", value = string.Concat(Enumerable.Repeat(character, count)) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await target.Inspector.CustomValuesAsync(vm.Id));
    }
}
