using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Organise;

/// <summary>The folder tree over MCP and REST against vcsim's vCenter, each change read back from the simulator itself.</summary>
public sealed class FolderTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    private const string VmFolder = "/DC0/vm";

    [Fact]
    public async Task The_tree_names_each_folder_by_path_and_kind()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var folders = await mcp.CallAsync<List<FolderInfo>>("list_folders");

        var vm = Assert.Single(folders, f => f.Path == VmFolder);
        Assert.Equal("vm", vm.Kind);
        Assert.Contains(folders, f => f.Path == "/DC0/host" && f.Kind == "host");
        Assert.Equal((await target.Inspector.FoldersAsync()).Count, folders.Count); // Both leave the root out.
    }

    [Fact]
    public async Task A_created_folder_is_in_the_simulator_under_its_parent()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var made = await mcp.CallAsync<FolderInfo>("create_folder", new { parent = VmFolder, name = "made-here" });

        Assert.Equal("/DC0/vm/made-here", made.Path);
        var parentId = (await mcp.CallAsync<List<FolderInfo>>("list_folders")).Single(f => f.Path == VmFolder).Id;
        Assert.Contains(await target.Inspector.FoldersAsync(), f => f.Id == made.Id && f.Name == "made-here" && f.Parent == parentId);
    }

    [Fact]
    public async Task Rows_and_details_carry_the_folder_and_resource_pool_paths()
    {
        using var client = target.Host.CreateClient();
        var vm = (await target.Inspector.VmsAsync()).First(v => !v.Template);

        var page = await client.GetFromJsonAsync<VmPage>($"/api/v1/vms?name={vm.Name}", Json.Options);
        var details = await client.GetFromJsonAsync<VmDetails>($"/api/v1/vms/{vm.Id}", Json.Options);

        var row = Assert.Single(page!.Items);
        Assert.Equal(VmFolder, row.Folder);
        Assert.StartsWith("/DC0/host/", row.ResourcePool, StringComparison.Ordinal);
        Assert.EndsWith("/Resources", row.ResourcePool, StringComparison.Ordinal);
        Assert.Equal(row.Folder, details!.Folder);
        Assert.Equal(row.ResourcePool, details.ResourcePool);
    }

    [Fact]
    public async Task A_moved_vm_is_in_its_new_folder_and_listed_by_it()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var outer = await mcp.CallAsync<FolderInfo>("create_folder", new { parent = VmFolder, name = "move-outer" });
        var inner = await mcp.CallAsync<FolderInfo>("create_folder", new { parent = outer.Path, name = "move-inner" });
        var vm = await mcp.CallAsync<VmDetails>("create_vm", new { vm_label = "move-me" });

        var moved = await mcp.CallAsync<VmDetails>("move_vm_to_folder", new { vm = vm.Id, folder = inner.Path });

        Assert.Equal("/DC0/vm/move-outer/move-inner", moved.Folder);
        Assert.Equal(inner.Id, await target.Inspector.VmFolderAsync(vm.Id));
        var direct = await mcp.CallAsync<VmPage>("list_vms", new { folder = outer.Path });
        var subtree = await mcp.CallAsync<VmPage>("list_vms", new { folder = outer.Path, folder_subtree = true });
        Assert.Empty(direct.Items);
        Assert.Equal([vm.Id], subtree.Items.Select(v => v.Id));
    }

    [Fact]
    public async Task A_renamed_folder_renames_the_paths_of_what_is_in_it_at_once()
    {
        using var client = target.Host.CreateClient();
        var folder = await (await client.PostAsJsonAsync("/api/v1/folders", new { parent = VmFolder, name = "rename-from" })).Content.ReadFromJsonAsync<FolderInfo>(Json.Options);
        var vm = await (await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "rename-folder-vm", folder = "rename-from" })).Content.ReadFromJsonAsync<VmDetails>(Json.Options);

        var renamed = await client.PostAsJsonAsync("/api/v1/folders/rename", new { folder = folder!.Path, new_name = "rename-to" });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains(await target.Inspector.FoldersAsync(), f => f.Id == folder.Id && f.Name == "rename-to");
        var row = Assert.Single((await client.GetFromJsonAsync<VmPage>("/api/v1/vms?name=rename-folder-vm", Json.Options))!.Items);
        Assert.Equal(vm!.Id, row.Id);
        Assert.Equal("/DC0/vm/rename-to", row.Folder);
    }

    [Fact]
    public async Task A_folder_renamed_behind_the_hosts_back_shows_in_the_rows()
    {
        using var client = target.Host.CreateClient();
        // Made behind the host's back too: what the host writes itself it holds over the feed for a while (OwnWrites).
        var folder = await target.Inspector.CreateFolderAsync("behind-from");
        await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "behind-folder-vm", folder = "behind-from" });

        await target.Inspector.RenameAsync("Folder", folder, "behind-to");

        Assert.True(await Eventually.HoldsAsync(async () =>
            (await client.GetFromJsonAsync<VmPage>("/api/v1/vms?name=behind-folder-vm", Json.Options))!.Items.Single().Folder == "/DC0/vm/behind-to", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_vm_moved_behind_the_hosts_back_is_listed_in_its_new_folder()
    {
        using var client = target.Host.CreateClient();
        var source = (await target.Inspector.VmsAsync()).First(v => !v.Template);
        var vm = await target.Inspector.CloneVmAsync(source.Id, "moved-behind");
        var folder = await target.Inspector.CreateFolderAsync("moved-behind-to");
        Assert.True(await Eventually.HoldsAsync(async () =>
            (await client.GetFromJsonAsync<VmPage>("/api/v1/vms?name=moved-behind", Json.Options))!.Items.Count == 1, TimeSpan.FromSeconds(10)));

        await target.Inspector.MoveIntoFolderAsync(folder, vm);

        // vcsim moves a VM as a removal and a new entry in one update; the VM must not drop out of the list.
        Assert.True(await Eventually.HoldsAsync(async () =>
            (await client.GetFromJsonAsync<VmPage>("/api/v1/vms?folder=/DC0/vm/moved-behind-to", Json.Options))!.Items.SingleOrDefault()?.Id == vm, TimeSpan.FromSeconds(10)));
        Assert.Equal(vm, (await client.GetFromJsonAsync<VmPage>("/api/v1/vms?name=moved-behind", Json.Options))!.Items.Single().Id);
    }

    [Fact]
    public async Task A_folder_with_a_vm_is_kept_without_force_and_its_preview_names_the_vm()
    {
        using var client = target.Host.CreateClient();
        await client.PostAsJsonAsync("/api/v1/folders", new { parent = VmFolder, name = "full-folder" });
        var vm = await (await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "kept-by-folder", folder = "full-folder" })).Content.ReadFromJsonAsync<VmDetails>(Json.Options);

        var preview = await (await client.PostAsJsonAsync("/api/v1/folders/delete?dry_run=true", new { folder = "/DC0/vm/full-folder", force = true })).Content.ReadFromJsonAsync<JsonElement>();
        var refused = await client.PostAsJsonAsync("/api/v1/folders/delete", new { folder = "/DC0/vm/full-folder" });

        Assert.Contains($"kept-by-folder ({vm!.Id})", preview.GetProperty("would").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(await target.Inspector.FoldersAsync(), f => f.Name == "full-folder");
        Assert.NotNull(await target.Inspector.VmNamedAsync("kept-by-folder"));
    }

    [Fact]
    public async Task An_empty_folder_is_deleted_once_confirmed()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var folder = await mcp.CallAsync<FolderInfo>("create_folder", new { parent = VmFolder, name = "empty-one" });

        var preview = await mcp.PreviewAsync("delete_folder", new { folder = folder.Path });
        Assert.Contains(await target.Inspector.FoldersAsync(), f => f.Id == folder.Id);
        await mcp.CallAsync<FolderInfo>("delete_folder", new { folder = folder.Path, confirm = true });

        Assert.Contains("empty folder", preview, StringComparison.Ordinal);
        Assert.DoesNotContain(await target.Inspector.FoldersAsync(), f => f.Id == folder.Id);
    }

    [Fact]
    public async Task A_datacenters_own_vm_folder_cannot_be_deleted()
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/folders/delete", new { folder = VmFolder });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await target.Inspector.FoldersAsync(), f => f.Name == "vm");
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("back\\slash")]
    [InlineData("")]
    public async Task A_folder_name_that_is_not_one_path_step_is_a_400_naming_name(string name)
    {
        using var client = target.Host.CreateClient();
        var before = (await target.Inspector.FoldersAsync()).Count;

        var response = await client.PostAsJsonAsync("/api/v1/folders", new { parent = VmFolder, name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await target.Inspector.FoldersAsync()).Count);
    }

    [Fact]
    public async Task A_ten_thousand_character_folder_name_is_a_400()
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/folders", new { parent = VmFolder, name = new string('x', 10_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_folder_name_with_xml_metacharacters_round_trips()
    {
        using var client = target.Host.CreateClient();

        var made = await (await client.PostAsJsonAsync("/api/v1/folders", new { parent = VmFolder, name = "<a & 'b'>\"" })).Content.ReadFromJsonAsync<FolderInfo>(Json.Options);

        Assert.Equal("<a & 'b'>\"", made!.Name);
        Assert.Contains(await target.Inspector.FoldersAsync(), f => f.Id == made.Id && f.Name == "<a & 'b'>\"");
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_is_a_404_naming_the_argument()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("move_vm_to_folder", new { vm = "DC0_H0_VM0", folder = "/DC0/vm/nowhere" });

        Assert.Contains("folder: no folder at '/DC0/vm/nowhere'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vm_cannot_be_moved_into_a_host_folder()
    {
        using var client = target.Host.CreateClient();
        var vm = (await target.Inspector.VmsAsync()).First();
        var before = await target.Inspector.VmFolderAsync(vm.Id);

        var response = await client.PostAsJsonAsync($"/api/v1/vms/{vm.Id}/folder", new { folder = "/DC0/host" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await target.Inspector.VmFolderAsync(vm.Id));
    }
}
