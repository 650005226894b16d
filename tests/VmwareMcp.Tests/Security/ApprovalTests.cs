using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ModelContextProtocol.Client;
using VmwareMcp.Host.Audit;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Security;

/// <summary>A host whose rule holds renames and deletions for a human, with an agent, a second admin and a webhook receiver.</summary>
public sealed class ApprovingHost : SimulatedVcenter
{
    public const string Agent = "approval-agent-3c9d";
    public const string Boss = "approval-boss-8e2a";

    private WebhookReceiver _receiver = null!;

    public Channel<JsonNode> Announced => _receiver.Received;

    protected override string ExtraSettings => $"""
        tokens:
          - name: agent
            token: "{Agent}"
            scopes: [read, operate]
          - name: boss
            token: "{Boss}"
            scopes: [admin]
        webhooks:
          - "{_receiver.Url}"
        policies:
          - name: renames-need-a-human
            effect: require_approval
            tools: [rename_vm, delete_vm]
            approval_minutes: 30
        """;

    public override async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _receiver.DisposeAsync();
    }
}

/// <summary>
/// A require_approval rule holds a call until an admin approves it; the requester then makes the call again
/// with the approval's id, once. What was done is read back from the simulator; who approved, from the audit.
/// </summary>
public sealed class ApprovalTests(ApprovingHost target) : IClassFixture<ApprovingHost>
{
    [Fact]
    public async Task A_held_mcp_call_answers_pending_approval_and_does_nothing()
    {
        var vm = await FreshVmAsync("held-mcp");
        await using var agent = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, ApprovingHost.Agent);

        var pending = await agent.CallAsync<JsonElement>("rename_vm", new { vm, new_name = "held-mcp-renamed" });

        Assert.Equal("pending_approval", pending.GetProperty("state").GetString());
        Assert.StartsWith("apr-", pending.GetProperty("approval_id").GetString(), StringComparison.Ordinal);
        Assert.Equal("renames-need-a-human", pending.GetProperty("rule").GetString());
        Assert.Null(await target.Inspector.VmNamedAsync("held-mcp-renamed"));
    }

    [Fact]
    public async Task An_approved_call_made_again_with_its_approval_id_is_done_and_the_audit_names_the_approver()
    {
        var vm = await FreshVmAsync("approved-mcp");
        await using var agent = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, ApprovingHost.Agent);
        var id = (await agent.CallAsync<JsonElement>("rename_vm", new { vm, new_name = "approved-mcp-renamed" })).GetProperty("approval_id").GetString();

        using var boss = target.Host.CreateClient(ApprovingHost.Boss);
        Assert.Equal(HttpStatusCode.OK, (await boss.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { reason = "change window" })).StatusCode);
        var renamed = await agent.CallAsync<JsonElement>("rename_vm", new { vm, new_name = "approved-mcp-renamed", approval_id = id });

        Assert.Equal("approved-mcp-renamed", renamed.GetProperty("name").GetString());
        Assert.NotNull(await target.Inspector.VmNamedAsync("approved-mcp-renamed"));
        var record = (await boss.GetFromJsonAsync<List<AuditRecord>>($"/api/v1/audit?vm={vm}&outcome=ok", Json.Options))!.First(r => r.Operation == "rename_vm");
        Assert.Equal(id, record.Approval);
        Assert.Equal("boss", record.ApprovedBy);
    }

    [Fact]
    public async Task A_held_rest_change_is_a_202_to_its_request_and_goes_ahead_with_the_approval_id_header()
    {
        var vm = await FreshVmAsync("held-rest");
        using var agent = target.Host.CreateClient(ApprovingHost.Agent);
        using var held = await agent.PostAsJsonAsync($"/api/v1/vms/{vm}/rename", new { new_name = "held-rest-renamed" });
        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        var id = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approval_id").GetString();
        Assert.Equal($"/api/v1/approvals/{id}", held.Headers.Location?.OriginalString);

        using var boss = target.Host.CreateClient(ApprovingHost.Boss);
        await boss.PostAsync($"/api/v1/approvals/{id}/approve", null);
        using var again = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/vms/{vm}/rename") { Content = JsonContent.Create(new { new_name = "held-rest-renamed" }) };
        again.Headers.Add("Approval-Id", id);
        using var done = await agent.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.NotNull(await target.Inspector.VmNamedAsync("held-rest-renamed"));
    }

    [Fact]
    public async Task The_requester_cannot_approve_its_own_request()
    {
        var vm = await FreshVmAsync("self-approve");
        using var boss = target.Host.CreateClient(ApprovingHost.Boss);
        var id = await HeldOverRestAsync(boss, vm, "self-approve-renamed");

        using var response = await boss.PostAsync($"/api/v1/approvals/{id}/approve", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("cannot decide it", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_denied_request_refuses_the_call_naming_the_admin_and_the_reason()
    {
        var vm = await FreshVmAsync("denied");
        await using var agent = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, ApprovingHost.Agent);
        var id = (await agent.CallAsync<JsonElement>("rename_vm", new { vm, new_name = "denied-renamed" })).GetProperty("approval_id").GetString();
        using var boss = target.Host.CreateClient(ApprovingHost.Boss);
        await boss.PostAsJsonAsync($"/api/v1/approvals/{id}/deny", new { reason = "freeze week" });

        var error = await agent.CallExpectingErrorAsync("rename_vm", new { vm, new_name = "denied-renamed", approval_id = id });

        Assert.Contains("denied by 'boss': freeze week", error, StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("denied-renamed"));
    }

    [Fact]
    public async Task An_approval_allows_one_call()
    {
        var vm = await FreshVmAsync("once");
        await using var agent = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, ApprovingHost.Agent);
        var id = (await agent.CallAsync<JsonElement>("rename_vm", new { vm, new_name = "once-renamed" })).GetProperty("approval_id").GetString();
        using var boss = target.Host.CreateClient(ApprovingHost.Boss);
        await boss.PostAsync($"/api/v1/approvals/{id}/approve", null);
        await agent.CallAsync<JsonElement>("rename_vm", new { vm, new_name = "once-renamed", approval_id = id });

        var error = await agent.CallExpectingErrorAsync("rename_vm", new { vm, new_name = "once-renamed", approval_id = id });

        Assert.Contains("already used", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_for_other_arguments_is_refused()
    {
        var vm = await FreshVmAsync("other-args");
        await using var agent = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, ApprovingHost.Agent);
        var id = (await agent.CallAsync<JsonElement>("rename_vm", new { vm, new_name = "other-args-a" })).GetProperty("approval_id").GetString();
        using var boss = target.Host.CreateClient(ApprovingHost.Boss);
        await boss.PostAsync($"/api/v1/approvals/{id}/approve", null);

        var error = await agent.CallExpectingErrorAsync("rename_vm", new { vm, new_name = "other-args-b", approval_id = id });

        Assert.Contains("was given for another call", error, StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("other-args-b"));
    }

    [Fact]
    public async Task An_expired_request_can_no_longer_be_approved()
    {
        var vm = await FreshVmAsync("expired");
        using var agent = target.Host.CreateClient(ApprovingHost.Agent);
        var id = await HeldOverRestAsync(agent, vm, "expired-renamed");
        await StateFiles.ExpireApprovalAsync(target.Host.Directory, id);

        using var boss = target.Host.CreateClient(ApprovingHost.Boss);
        using var response = await boss.PostAsync($"/api/v1/approvals/{id}/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("is expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_request_survives_a_restart()
    {
        var vm = await FreshVmAsync("restart");
        var directory = Directory.CreateTempSubdirectory("vmwaremcp-approval-").FullName;
        var settings = TestHost.SettingsFor(target.Simulator, """
            tokens:
              - name: boss
                token: "approval-boss-8e2a"
                scopes: [admin]
            policies:
              - name: renames-need-a-human
                effect: require_approval
                tools: [rename_vm]
            """);
        string? id;
        await using (var first = await TestHost.StartAsync(settings, directory: directory))
        {
            id = await HeldOverRestAsync(first.CreateClient(), vm, "restart-renamed");
        }

        await using var second = await TestHost.StartAsync(settings, directory: directory);
        using var boss = second.CreateClient(ApprovingHost.Boss);
        var pending = await boss.GetFromJsonAsync<JsonElement>($"/api/v1/approvals/{id}");
        Assert.Equal("pending", pending.GetProperty("state").GetString());
        await boss.PostAsync($"/api/v1/approvals/{id}/approve", null);
        using var again = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/vms/{vm}/rename") { Content = JsonContent.Create(new { new_name = "restart-renamed" }) };
        again.Headers.Add("Approval-Id", id);
        using var done = await second.CreateClient().SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.NotNull(await target.Inspector.VmNamedAsync("restart-renamed"));
    }

    [Fact]
    public async Task Each_new_request_is_announced_to_the_webhooks()
    {
        var vm = await FreshVmAsync("announced");
        using var agent = target.Host.CreateClient(ApprovingHost.Agent);

        var id = await HeldOverRestAsync(agent, vm, "announced-renamed");

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonNode message;
        do
        {
            message = await target.Announced.Reader.ReadAsync(patience.Token);
        }
        while (message["approval"]?["id"]?.GetValue<string>() != id);
        Assert.Equal("approval_requested", message["type"]!.GetValue<string>());
        Assert.Equal("agent", message["approval"]!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dry_run_names_the_rule_that_would_apply_and_holds_nothing()
    {
        var vm = await FreshVmAsync("dry-run");
        using var boss = target.Host.CreateClient(ApprovingHost.Boss);

        using var preview = await boss.DeleteAsync($"/api/v1/vms/{vm}?dry_run=true");

        var text = await preview.Content.ReadAsStringAsync();
        Assert.True(preview.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("policy rule 'renames-need-a-human' (policies:0) applies: require_approval", text, StringComparison.Ordinal);
        Assert.NotNull(await target.Inspector.VmNamedAsync("dry-run"));
        var held = await boss.GetFromJsonAsync<JsonElement>("/api/v1/approvals?state=pending&limit=1000");
        Assert.DoesNotContain(held.EnumerateArray(), a => a.GetProperty("subject").GetString() == vm);
    }

    [Fact]
    public async Task A_call_that_waits_goes_ahead_once_approved_and_says_what_it_waits_for()
    {
        var vm = await FreshVmAsync("waited");
        await using var agent = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, ApprovingHost.Agent);
        var progress = new McpCalls.ProgressLog();

        var call = agent.CallAsync<JsonElement>("rename_vm", new { vm, new_name = "waited-renamed", approval_wait_seconds = 120 }, progress);
        await progress.FirstArrived.WaitAsync(TimeSpan.FromSeconds(60));
        var id = progress.Values.First().Message!.Split(' ').First(w => w.StartsWith("apr-", StringComparison.Ordinal));
        using var boss = target.Host.CreateClient(ApprovingHost.Boss);
        Assert.Equal(HttpStatusCode.OK, (await boss.PostAsync($"/api/v1/approvals/{id}/approve", null)).StatusCode);
        var renamed = await call.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("waited-renamed", renamed.GetProperty("name").GetString());
        Assert.NotNull(await target.Inspector.VmNamedAsync("waited-renamed"));
    }

    [Fact]
    public async Task The_typescript_sdk_accepts_the_pending_answer_against_the_tools_output_schema()
    {
        var vm = await FreshVmAsync("held-ts");

        var (exitCode, output) = await Conformance.NodeClient.RunAsync(target.Host, "node",
            "scenarios.mjs", "held", "--url", target.Host.BaseUrl.ToString(), "--token", ApprovingHost.Agent, "--vm", vm, "--name", "held-ts-renamed");

        Assert.True(exitCode == 0, output);
        Assert.Contains("\"approval_id\":\"apr-", output, StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("held-ts-renamed"));
    }

    private async Task<string> FreshVmAsync(string name) => await target.Inspector.CloneVmAsync((await target.Inspector.VmNamedAsync("DC0_H0_VM0"))!.Id, name);

    private static async Task<string> HeldOverRestAsync(HttpClient client, string vm, string newName)
    {
        using var held = await client.PostAsJsonAsync($"/api/v1/vms/{vm}/rename", new { new_name = newName });
        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        return (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approval_id").GetString()!;
    }
}
