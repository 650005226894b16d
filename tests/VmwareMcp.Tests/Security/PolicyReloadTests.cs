using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Security;

/// <summary>
/// Rules are read again from the configuration without a restart; a reload with an error keeps the rules in
/// force and names the key. Each test has its own host, as reloading changes it; the renames are read back from the simulator.
/// </summary>
public sealed class PolicyReloadTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    private const string DenyRenames = """
        policies:
          - name: no-renames
            effect: deny
            tools: [rename_vm]
        """;

    [Fact]
    public async Task A_reload_applies_new_rules_without_a_restart()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(target.Simulator, DenyRenames));
        using var client = host.CreateClient();
        var vm = await target.Inspector.CloneVmAsync((await target.Inspector.VmNamedAsync("DC0_H0_VM0"))!.Id, "reload-applies");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/vms/{vm}/rename", new { new_name = "reload-applied" })).StatusCode);

        await TestHost.WriteSettingsAsync(TestHost.SettingsFor(target.Simulator), host.Directory);
        using var reload = await client.PostAsync("/api/v1/policies/reload", null);
        using var renamed = await client.PostAsJsonAsync($"/api/v1/vms/{vm}/rename", new { new_name = "reload-applied" });

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.NotNull(await target.Inspector.VmNamedAsync("reload-applied"));
    }

    [Fact]
    public async Task A_reload_with_an_error_keeps_the_rules_in_force_and_names_the_key()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(target.Simulator, DenyRenames));
        using var client = host.CreateClient();
        var vm = await target.Inspector.CloneVmAsync((await target.Inspector.VmNamedAsync("DC0_H0_VM0"))!.Id, "reload-kept");

        await TestHost.WriteSettingsAsync(TestHost.SettingsFor(target.Simulator, DenyRenames.Replace("effect: deny", "effect: perhaps", StringComparison.Ordinal)), host.Directory);
        using var reload = await client.PostAsync("/api/v1/policies/reload", null);
        using var refused = await client.PostAsJsonAsync($"/api/v1/vms/{vm}/rename", new { new_name = "reload-kept-renamed" });
        var status = await client.GetFromJsonAsync<JsonElement>("/api/v1/policies");

        Assert.Equal(HttpStatusCode.BadRequest, reload.StatusCode);
        Assert.Contains("policies:0:effect", await reload.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(await target.Inspector.VmNamedAsync("reload-kept-renamed"));
        Assert.Equal("no-renames", status.GetProperty("rules")[0].GetProperty("name").GetString());
        Assert.Contains("perhaps", status.GetProperty("last_error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_error_in_the_rules_is_listed_with_its_key()
    {
        var error = await Assert.ThrowsAsync<VmwareMcp.Host.Configuration.ConfigurationException>(() => TestHost.StartAsync(TestHost.SettingsFor(target.Simulator, """
            policies:
              - name: first
                effect: perhaps
              - name: second
                effect: deny
                hours: "25:00-26:00"
              - name: second
                effect: allow
            """)));

        Assert.Contains("3 errors in the policy rules", error.Message, StringComparison.Ordinal);
        Assert.Contains("policies:0:effect", error.Message, StringComparison.Ordinal);
        Assert.Contains("policies:1:hours", error.Message, StringComparison.Ordinal);
        Assert.Contains("'second' is used twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reloading_needs_the_admin_scope()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(target.Simulator, $"""
            tokens:
              - name: reader
                token: "{ScopedTokens.Reader}"
                scopes: [read, operate]
            """));
        using var reader = host.CreateClient(ScopedTokens.Reader);

        using var response = await reader.PostAsync("/api/v1/policies/reload", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>A rule that matches by the VM's power state as vSphere reports it when the call is made.</summary>
public sealed class PowerStateRuleTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    private const string NoResizeWhileOn = """
        policies:
          - name: no-resize-while-on
            effect: deny
            tools: [reconfigure_vm]
            power_states: [poweredOn]
        """;

    [Fact]
    public async Task A_rule_on_power_state_refuses_a_running_vm_and_lets_a_stopped_one_through()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(target.Simulator, NoResizeWhileOn));
        using var client = host.CreateClient();
        var source = (await target.Inspector.VmNamedAsync("DC0_H0_VM0"))!.Id;
        var running = await target.Inspector.CloneVmAsync(source, "power-rule-on");
        await target.Inspector.PowerOnAsync(running);
        var stopped = await target.Inspector.CloneVmAsync(source, "power-rule-off");

        using var refused = await client.PostAsJsonAsync($"/api/v1/vms/{running}/reconfigure", new { vcpus = 2 });
        using var allowed = await client.PostAsJsonAsync($"/api/v1/vms/{stopped}/reconfigure", new { vcpus = 2 });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("no-resize-while-on", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(2, (await target.Inspector.VmNamedAsync("power-rule-off"))!.NumCpu);
        Assert.NotEqual(2, (await target.Inspector.VmNamedAsync("power-rule-on"))!.NumCpu);
    }

    [Fact]
    public async Task A_power_state_that_is_not_one_stops_the_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<VmwareMcp.Host.Configuration.ConfigurationException>(() =>
            TestHost.StartAsync(TestHost.SettingsFor(target.Simulator, NoResizeWhileOn.Replace("poweredOn", "running", StringComparison.Ordinal))));

        Assert.Contains("policies:0:power_states", error.Message, StringComparison.Ordinal);
    }
}
