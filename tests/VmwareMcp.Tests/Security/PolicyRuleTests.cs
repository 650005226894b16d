using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Host.Audit;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Tests.Configuration;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Security;

/// <summary>A host with a protected VM, a rule for one token and a rule on VM names.</summary>
public sealed class RuledHost : SimulatedVcenter
{
    public const string Agent = "agent-token-5e1f";
    public const string ProtectedVm = "DC0_H0_VM1";

    protected override string ExtraSettings => $"""
        protected_vms: ["{ProtectedVm}"]
        tokens:
          - name: agent
            token: "{Agent}"
            scopes: [admin]
        policies:
          - name: no-agent-deletes
            effect: deny
            tools: [delete_vm*]
            tokens: [agent]
          - name: no-prod-names
            effect: deny
            tools: [create_vm, clone_vm]
            vms: ["prod-*"]
          - name: agent-create-budget
            effect: allow
            tools: [create_vm]
            tokens: [agent]
            budget:
              calls: 2
              per_minutes: 60
        """;
}

/// <summary>
/// The operator's rules at the one policy boundary, over MCP and REST: what a rule refuses is named by the
/// rule, audited as refused, and not done (read back from the simulator).
/// </summary>
public sealed class PolicyRuleTests(RuledHost target) : IClassFixture<RuledHost>
{
    [Fact]
    public async Task A_protected_vm_is_not_changed_over_mcp_and_the_refusal_names_the_rule()
    {
        var before = (await target.Inspector.VmNamedAsync(RuledHost.ProtectedVm))!;
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("reconfigure_vm", new { vm = RuledHost.ProtectedVm, vcpus = before.NumCpu + 1 });

        Assert.StartsWith("Forbidden: refused by policy rule 'protected_vms'", error, StringComparison.Ordinal);
        Assert.Equal(before.NumCpu, (await target.Inspector.VmNamedAsync(RuledHost.ProtectedVm))!.NumCpu);
    }

    [Fact]
    public async Task A_protected_vm_named_by_its_id_over_rest_is_a_403_naming_the_rule()
    {
        var vm = (await target.Inspector.VmNamedAsync(RuledHost.ProtectedVm))!;
        using var client = target.Host.CreateClient();

        var response = await client.PostAsJsonAsync($"/api/v1/vms/{vm.Id}/reconfigure", new { vcpus = vm.NumCpu + 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("protected_vms", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(vm.NumCpu, (await target.Inspector.VmNamedAsync(RuledHost.ProtectedVm))!.NumCpu);
    }

    [Fact]
    public async Task A_protected_vm_can_still_be_read()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var vm = await mcp.CallAsync<JsonElement>("get_vm", new { vm = RuledHost.ProtectedVm });

        Assert.Equal(RuledHost.ProtectedVm, vm.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_rule_for_one_token_refuses_it_and_not_others()
    {
        using var agent = target.Host.CreateClient(RuledHost.Agent);
        using var admin = target.Host.CreateClient();
        var doomed = await (await admin.PostAsJsonAsync("/api/v1/vms", new { vm_label = "rule-delete-me" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = doomed.GetProperty("id").GetString();

        var refused = await agent.DeleteAsync($"/api/v1/vms/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("no-agent-deletes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await target.Inspector.VmNamedAsync("rule-delete-me"));

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/vms/{id}")).StatusCode);
        Assert.Null(await target.Inspector.VmNamedAsync("rule-delete-me"));
    }

    [Fact]
    public async Task A_rule_on_vm_names_refuses_creating_one_so_named()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var error = await mcp.CallExpectingErrorAsync("create_vm", new { vm_label = "prod-web-01" });
        await mcp.CallAsync<JsonElement>("create_vm", new { vm_label = "dev-web-01" });

        Assert.Contains("no-prod-names", error, StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("prod-web-01"));
        Assert.NotNull(await target.Inspector.VmNamedAsync("dev-web-01"));
    }

    [Fact]
    public async Task A_refusal_by_a_rule_is_audited_as_refused_with_the_rule()
    {
        using var client = target.Host.CreateClient();
        await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "prod-audited" });

        var records = await client.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=20", Json.Options);

        var refused = records!.First(r => r.Arguments?["vm_label"]?.ToString() == "prod-audited");
        Assert.Equal("refused", refused.Outcome);
        Assert.Contains("no-prod-names", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_lets_a_token_make_so_many_calls_and_refuses_the_next_naming_the_rule()
    {
        using var agent = target.Host.CreateClient(RuledHost.Agent);

        var first = await agent.PostAsJsonAsync("/api/v1/vms", new { vm_label = "budget-1" });
        var second = await agent.PostAsJsonAsync("/api/v1/vms", new { vm_label = "budget-2" });
        var third = await agent.PostAsJsonAsync("/api/v1/vms", new { vm_label = "budget-3" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Contains("agent-create-budget", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await target.Inspector.VmNamedAsync("budget-2"));
        Assert.Null(await target.Inspector.VmNamedAsync("budget-3"));
    }

    [Theory]
    [InlineData("policies:\n  - name: x\n    effect: deny\n    budget: { per_minutes: 5 }\n", "policies:0:budget:calls")]
    [InlineData("policies:\n  - name: x\n    effect: block\n", "policies:0:effect")]
    [InlineData("policies:\n  - name: x\n    effect: deny\n    hours: \"8-18\"\n", "policies:0:hours")]
    [InlineData("policies:\n  - name: x\n    effect: deny\n    time_zone: Mars/Olympus\n", "policies:0:time_zone")]
    [InlineData("policies:\n  - name: x\n    effect: deny\n    days: [someday]\n", "policies:0:days")]
    [InlineData("policies:\n  - name: x\n    effect: deny\n  - name: x\n    effect: allow\n", "used twice")]
    public void A_rule_that_cannot_be_meant_stops_the_start_naming_its_key(string rules, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => HostSettingsLoader.Load(
            SettingsFiles.Write("settings.yml", SettingsFiles.SeedYaml + "\n" + rules), new Dictionary<string, string>(), "/opt/vmwaremcp"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
