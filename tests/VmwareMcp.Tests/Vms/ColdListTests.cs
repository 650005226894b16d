using System.Net;
using System.Net.Http.Json;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Vms;

/// <summary>
/// Lists with the inventory cache off, read through the VM view the session keeps: each list must still be
/// exactly what the endpoint holds, whatever changed behind the host's back since the view was made.
/// </summary>
public sealed class ColdListTests : IAsyncLifetime
{
    private Simulator _simulator = null!;
    private SoapCountingProxy _proxy = null!;
    private TestHost _host = null!;
    private HttpClient _client = null!;
    private SimulatorInspector _inspector = null!;

    public async Task InitializeAsync()
    {
        _simulator = await Simulator.StartAsync("-tls=false");
        _proxy = await SoapCountingProxy.StartAsync(_simulator.Url);
        _host = await TestHost.StartAsync(TestHost.SettingsVia(_simulator, _proxy, "inventory_cache: false\ntelemetry_interval_seconds: 3600"));
        _client = _host.CreateClient();
        _inspector = new SimulatorInspector(_simulator);
    }

    public async Task DisposeAsync()
    {
        _inspector.Dispose();
        _client.Dispose();
        await _host.DisposeAsync();
        await _proxy.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_vm_made_behind_our_back_is_in_the_next_list()
    {
        await ListAsync();
        var source = (await _inspector.VmNamedAsync("DC0_H0_VM0"))!;

        var clone = await _inspector.CloneVmAsync(source.Id, "made-behind-our-back");

        Assert.Contains(await ListAsync(), vm => vm.Id == clone && vm.Name == "made-behind-our-back");
    }

    [Fact]
    public async Task A_vm_removed_behind_our_back_is_gone_from_the_next_list()
    {
        await ListAsync();
        var doomed = (await _inspector.VmNamedAsync("DC0_H0_VM1"))!;

        await _inspector.PowerOffAsync(doomed.Id);
        await _inspector.DestroyVmAsync(doomed.Id);
        Assert.Null(await _inspector.VmNamedAsync("DC0_H0_VM1"));

        Assert.DoesNotContain(await ListAsync(), vm => vm.Id == doomed.Id);
    }

    [Fact]
    public async Task After_the_session_is_renewed_the_list_is_still_whole()
    {
        await ListAsync();
        Assert.True(await _inspector.TerminateOtherSessionsAsync() >= 1);

        var after = await ListAsync();

        Assert.Equal((await _inspector.VmsAsync()).Select(v => v.Id).Order(), after.Select(v => v.Id).Order());
    }

    [Fact]
    public async Task Concurrent_first_lists_make_one_view_of_each_kind_between_them()
    {
        await _client.GetAsync("/readyz");
        _proxy.Reset();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ListAsync()));
        await ListAsync();

        Assert.Equal(2, _proxy.Count("CreateContainerView")); // VMs and folders.
        Assert.Equal(0, _proxy.Count("DestroyView"));
    }

    [Fact]
    public async Task A_vm_moved_into_a_folder_made_behind_our_back_names_that_folder()
    {
        await ListAsync(); // The session's views exist before the folder does.
        var source = (await _inspector.VmNamedAsync("DC0_H0_VM0"))!;
        var vm = await _inspector.CloneVmAsync(source.Id, "moved-cold");
        var folder = await _inspector.CreateFolderAsync("cold-folder");

        await _inspector.MoveIntoFolderAsync(folder, vm);

        Assert.Equal("/DC0/vm/cold-folder", (await ListAsync()).Single(v => v.Id == vm).Folder);
    }

    [Fact]
    public async Task Every_vm_names_its_host_and_the_clustered_ones_their_cluster()
    {
        var expected = await _inspector.VmsAsync();

        var listed = await ListAsync();

        Assert.All(listed, vm => Assert.Equal(expected.Single(e => e.Id == vm.Id).Host, vm.Host));
        Assert.Contains(listed, vm => vm.Cluster == "DC0_C0");
        Assert.Contains(listed, vm => vm.Cluster is null);
    }

    private async Task<IReadOnlyList<VmSummary>> ListAsync()
    {
        var response = await _client.GetAsync("/api/v1/vms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<VmPage>(Json.Options);
        Assert.Equal(page!.Total, page.Items.Count);
        return page.Items;
    }
}
