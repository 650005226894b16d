using System.Net.Http.Json;
using System.Text.Json;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Hosting;

/// <summary>One host, a vCenter and an ESXi simulator without 'kind', and an ESXi host wrongly declared a vCenter.</summary>
public sealed class MixedTargetsTests : IAsyncLifetime
{
    private Simulator _vcenter = null!;
    private Simulator _esxi = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _vcenter = await Simulator.StartAsync("-mode", "vpx");
        _esxi = await Simulator.StartAsync("-mode", "esx");
        _host = await TestHost.StartAsync($"""
            access_token: "{TestHost.Token}"
            listen_url: "https://127.0.0.1:0"
            targets:
              - name: vc
                vcenter_endpoint: "{_vcenter.Url}"
                login_credential: "{Simulator.User}"
                secret_key: "{Simulator.Password}"
              - name: esx
                vcenter_endpoint: "{_esxi.Url}"
                login_credential: "{Simulator.User}"
                secret_key: "{Simulator.Password}"
              - name: mislabelled
                kind: vcenter
                vcenter_endpoint: "{_esxi.Url}"
                login_credential: "{Simulator.User}"
                secret_key: "{Simulator.Password}"
            """);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _vcenter.DisposeAsync();
        await _esxi.DisposeAsync();
    }

    private async Task<JsonElement> ReadyAsync()
    {
        using var client = _host.CreateClient(token: null);
        return (await (await client.GetAsync("/readyz")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("targets");
    }

    [Fact]
    public async Task Each_target_without_kind_is_served_by_the_plugin_that_claims_it()
    {
        var ready = await ReadyAsync();

        Assert.Equal("vcenter", ready.GetProperty("vc").GetProperty("kind").GetString());
        Assert.Equal("esxi", ready.GetProperty("esx").GetProperty("kind").GetString());
        Assert.Equal("connected", ready.GetProperty("esx").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_kind_that_contradicts_the_endpoint_is_reported_in_readyz()
    {
        var mislabelled = (await ReadyAsync()).GetProperty("mislabelled");

        Assert.Equal("error", mislabelled.GetProperty("status").GetString());
        Assert.Contains("standalone ESXi host", mislabelled.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_that_contradicts_the_endpoint_is_logged_once_with_the_reason()
    {
        await ReadyAsync();
        await ReadyAsync();

        var lines = _host.Logs.Lines.Where(l => l.Contains("\"mislabelled\" is not connected", StringComparison.Ordinal)).ToList();
        Assert.Single(lines);
        Assert.Contains("kind 'vcenter'", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_other_targets_keep_working_beside_a_mislabelled_one()
    {
        using var client = _host.CreateClient();

        var vc = await client.GetFromJsonAsync<VmPage>("/api/v1/vms?target=vc", Json.Options);
        var esx = await client.GetFromJsonAsync<VmPage>("/api/v1/vms?target=esx", Json.Options);

        Assert.Contains(vc!.Items, v => v.Name == "DC0_H0_VM0");
        Assert.Contains(esx!.Items, v => v.Name == "ha-host_VM0");
    }

    [Fact]
    public async Task Without_a_target_name_several_targets_are_a_400_listing_them()
    {
        using var client = _host.CreateClient();

        var response = await client.GetAsync("/api/v1/vms");
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("vc, esx, mislabelled", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_target_is_a_404()
    {
        using var client = _host.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/vms?target=nope")).StatusCode);
    }
}
