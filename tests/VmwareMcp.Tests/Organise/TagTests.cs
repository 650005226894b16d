using System.Net;
using System.Net.Http.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Organise;

/// <summary>vSphere tags over MCP and REST against vcsim's Automation API, each change read back from it with plain HTTP.</summary>
public sealed class TagTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task A_created_tag_is_in_the_simulator_under_its_category()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var category = await mcp.CallAsync<TagCategoryInfo>("create_tag_category", new { name = "backup", cardinality = "SINGLE", associable_types = new[] { "vm" } });
        var tag = await mcp.CallAsync<TagInfo>("create_tag", new { category = "backup", name = "daily" });

        Assert.Equal(("SINGLE", "VirtualMachine"), (category.Cardinality, Assert.Single(category.AssociableTypes)));
        Assert.Equal(("backup", category.Id), (tag.Category, tag.CategoryId));
        Assert.Equal("daily", (await target.Inspector.TagNamesAsync())[tag.Id]);
    }

    [Fact]
    public async Task An_attached_tag_shows_in_get_vm_and_filters_the_list_at_once()
    {
        using var client = target.Host.CreateClient();
        await client.PostAsJsonAsync("/api/v1/tag-categories", new { name = "env" });
        var tag = await (await client.PostAsJsonAsync("/api/v1/tags", new { category = "env", name = "prod" })).Content.ReadFromJsonAsync<TagInfo>(Json.Options);
        var vm = await (await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "tagged-prod" })).Content.ReadFromJsonAsync<VmDetails>(Json.Options);
        await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "tagged-none" });

        var attached = await client.PostAsJsonAsync("/api/v1/tags/attach", new { tag = "env:prod", @object = "tagged-prod" });

        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Equal([tag!.Id], await target.Inspector.AttachedTagIdsAsync(vm!.Id));
        Assert.Equal(["env:prod"], (await client.GetFromJsonAsync<VmDetails>($"/api/v1/vms/{vm.Id}", Json.Options))!.Tags);
        var listed = await client.GetFromJsonAsync<VmPage>("/api/v1/vms?name=tagged-*&tag=env:prod", Json.Options);
        Assert.Equal([vm.Id], listed!.Items.Select(v => v.Id));
    }

    [Fact]
    public async Task A_detached_tag_is_off_the_vm_in_the_simulator()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        await mcp.CallAsync<TagCategoryInfo>("create_tag_category", new { name = "patch" });
        await mcp.CallAsync<TagInfo>("create_tag", new { category = "patch", name = "wave-1" });
        var vm = await mcp.CallAsync<VmDetails>("create_vm", new { vm_label = "detach-me" });
        await mcp.CallAsync<TaggedObject>("attach_tag", new { tag = "patch:wave-1", @object = vm.Id });

        var after = await mcp.CallAsync<TaggedObject>("detach_tag", new { tag = "patch:wave-1", @object = vm.Id });

        Assert.Empty(after.Tags);
        Assert.Empty(await target.Inspector.AttachedTagIdsAsync(vm.Id));
    }

    [Fact]
    public async Task A_deleted_tag_is_gone_from_the_simulator()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        await mcp.CallAsync<TagCategoryInfo>("create_tag_category", new { name = "doomed" });
        var tag = await mcp.CallAsync<TagInfo>("create_tag", new { category = "doomed", name = "soon" });

        await mcp.CallAsync<TagInfo>("delete_tag", new { tag = "doomed:soon", confirm = true });

        Assert.DoesNotContain(tag.Id, (await target.Inspector.TagNamesAsync()).Keys);
    }

    [Fact]
    public async Task A_tag_filter_that_is_not_category_colon_tag_is_a_400()
    {
        using var client = target.Host.CreateClient();

        var response = await client.GetAsync("/api/v1/vms?tag=no-colon");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("category:tag", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_that_does_not_exist_is_a_404_naming_tag()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("attach_tag", new { tag = "none:such", @object = "DC0_H0_VM0" });

        Assert.Contains("tag: no tag 'none:such'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task A_category_name_that_is_not_a_name_is_a_400(string name)
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/tag-categories", new { name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
