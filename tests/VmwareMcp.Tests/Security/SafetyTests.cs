using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Host.Audit;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Security;

/// <summary>A vCenter simulator behind a host with a reader, an operator and a token limited to another target.</summary>
public sealed class ScopedTokens : SimulatedVcenter
{
    public const string Reader = "reader-token-7f3a";
    public const string Operator = "operator-token-91bc";
    public const string Elsewhere = "elsewhere-token-22de";

    protected override string ExtraSettings => $"""
        tokens:
          - name: reader
            token: "{Reader}"
            scopes: [read]
          - name: operator
            token_sha256: "{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Operator)))}"
            scopes: [read, operate]
          - name: elsewhere
            token: "{Elsewhere}"
            scopes: [admin]
            targets: [lab]
        """;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Host.Logs.AssertContainsNone(Reader, Operator, Elsewhere);
    }
}

public sealed class SafetyTests(ScopedTokens fixture) : IClassFixture<ScopedTokens>
{
    private const string Vm = "DC0_H0_VM0";

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    [Fact]
    public async Task A_read_token_lists_but_creating_is_403_naming_the_operate_scope()
    {
        using var reader = fixture.Host.CreateClient(ScopedTokens.Reader);

        var list = await reader.GetAsync("/api/v1/vms");
        var create = await reader.PostAsJsonAsync("/api/v1/vms", new { vm_label = "not-allowed" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains("'operate' scope", await DetailAsync(create), StringComparison.Ordinal);
        Assert.Null(await fixture.Inspector.VmNamedAsync("not-allowed"));
    }

    [Fact]
    public async Task An_operate_token_powers_but_deleting_is_403_naming_the_admin_scope()
    {
        using var admin = fixture.Host.CreateClient();
        await admin.PostAsJsonAsync("/api/v1/vms", new { vm_label = "operated" });
        using var operate = fixture.Host.CreateClient(ScopedTokens.Operator);

        var power = await operate.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = "operated", desired_state = "POWER_ON" });
        var delete = await operate.PostAsJsonAsync("/api/v1/vms/delete", new { vm_identifier = "operated", force = true });

        Assert.Equal(HttpStatusCode.OK, power.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Contains("'admin' scope", await DetailAsync(delete), StringComparison.Ordinal);
        Assert.NotNull(await fixture.Inspector.VmNamedAsync("operated"));
    }

    [Fact]
    public async Task Tools_a_token_cannot_use_are_hidden_from_its_tools_list()
    {
        await using var reader = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, ScopedTokens.Reader);
        await using var operate = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, ScopedTokens.Operator);

        var readerTools = (await reader.ListToolsAsync()).Select(t => t.Name).ToList();
        var operatorTools = (await operate.ListToolsAsync()).Select(t => t.Name).ToList();

        Assert.Contains("list_vms", readerTools);
        Assert.DoesNotContain("create_vm", readerTools);
        Assert.DoesNotContain("delete_vm", readerTools);
        Assert.Contains("power_vm", operatorTools);
        Assert.DoesNotContain("delete_vm", operatorTools);
    }

    [Fact]
    public async Task Calling_a_hidden_tool_anyway_is_a_tool_error_naming_the_scope()
    {
        await using var reader = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, ScopedTokens.Reader);

        var message = await reader.CallExpectingErrorAsync("create_vm", new { vm_label = "sneaky" });

        Assert.Contains("'operate' scope", message, StringComparison.Ordinal);
        Assert.Null(await fixture.Inspector.VmNamedAsync("sneaky"));
    }

    [Fact]
    public async Task A_token_limited_to_other_targets_is_403_here()
    {
        using var elsewhere = fixture.Host.CreateClient(ScopedTokens.Elsewhere);

        var response = await elsewhere.GetAsync("/api/v1/vms");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("may not touch target 'default'", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mcp_delete_without_confirm_previews_exactly_and_deletes_nothing()
    {
        using var admin = fixture.Host.CreateClient();
        await admin.PostAsJsonAsync("/api/v1/vms", new { vm_label = "keep-me", disk_gb = 1 });
        await using var mcp = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var message = await mcp.PreviewAsync("delete_vm", new { vm = "keep-me" });

        Assert.StartsWith("Would delete VM 'keep-me'", message, StringComparison.Ordinal);
        Assert.Contains("keep-me.vmdk", message, StringComparison.Ordinal);
        Assert.Contains("confirm=true", message, StringComparison.Ordinal);
        Assert.NotNull(await fixture.Inspector.VmNamedAsync("keep-me"));
    }

    /// <summary>
    /// A client that answers elicitation. Over SSE the session is stateful, so the server can ask; a stateless
    /// Streamable HTTP request cannot carry a server-to-client request and gets the preview instead.
    /// </summary>
    private static McpClientOptions Answering(bool yes) => new()
    {
        Capabilities = new ModelContextProtocol.Protocol.ClientCapabilities { Elicitation = new() },
        Handlers = new McpClientHandlers
        {
            ElicitationHandler = (request, _) => ValueTask.FromResult(yes
                ? new ModelContextProtocol.Protocol.ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(true) } }
                : new ModelContextProtocol.Protocol.ElicitResult { Action = "decline" }),
        },
    };

    [Fact]
    public async Task A_client_that_supports_elicitation_is_asked_and_a_yes_deletes()
    {
        using var admin = fixture.Host.CreateClient();
        await admin.PostAsJsonAsync("/api/v1/vms", new { vm_label = "ask-then-delete" });
        await using var mcp = await fixture.Host.ConnectMcpAsync(HttpTransportMode.Sse, options: Answering(yes: true));

        await mcp.CallAsync<VmReference>("delete_vm", new { vm = "ask-then-delete" });

        Assert.Null(await fixture.Inspector.VmNamedAsync("ask-then-delete"));
    }

    [Fact]
    public async Task A_declined_elicitation_changes_nothing()
    {
        using var admin = fixture.Host.CreateClient();
        await admin.PostAsJsonAsync("/api/v1/vms", new { vm_label = "ask-and-keep" });
        await using var mcp = await fixture.Host.ConnectMcpAsync(HttpTransportMode.Sse, options: Answering(yes: false));

        var message = await mcp.PreviewAsync("delete_vm", new { vm = "ask-and-keep" });

        Assert.Contains("Declined by the user", message, StringComparison.Ordinal);
        Assert.NotNull(await fixture.Inspector.VmNamedAsync("ask-and-keep"));
    }

    [Fact]
    public async Task Mcp_power_off_without_confirm_previews_and_leaves_the_vm_running()
    {
        await using var mcp = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var message = await mcp.PreviewAsync("power_vm", new { vm = Vm, desired_state = "POWER_OFF" });

        Assert.Contains("power off (hard", message, StringComparison.Ordinal);
        Assert.Equal("poweredOn", (await fixture.Inspector.VmNamedAsync(Vm))!.PowerState);
    }

    [Fact]
    public async Task Rest_dry_run_previews_a_delete_and_changes_nothing()
    {
        using var admin = fixture.Host.CreateClient();

        var preview = await admin.PostAsJsonAsync("/api/v1/vms/delete?dry_run=true", new { vm_identifier = Vm, force = true });
        var body = await preview.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.True(body.GetProperty("dry_run").GetBoolean());
        Assert.Contains("powered off first", body.GetProperty("would").GetString(), StringComparison.Ordinal);
        Assert.NotNull(await fixture.Inspector.VmNamedAsync(Vm));
    }

    [Fact]
    public async Task Changes_allowed_and_refused_are_in_the_audit_log_with_token_names()
    {
        using var admin = fixture.Host.CreateClient();
        using var reader = fixture.Host.CreateClient(ScopedTokens.Reader);
        await admin.PostAsJsonAsync("/api/v1/vms", new { vm_label = "audited-vm" });
        await reader.PostAsJsonAsync("/api/v1/vms", new { vm_label = "audited-refusal" });
        await using (var mcp = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp))
        {
            await mcp.PreviewAsync("delete_vm", new { vm = "audited-vm" });
        }

        var records = await admin.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=1000", Json.Options);

        var created = Assert.Single(records!, r => r is { Token: "access_token", Surface: "rest", Outcome: "ok", Vm: "audited-vm", Status: 201 });
        Assert.NotEmpty(created.Tasks!); // The CreateVM_Task id, to look up in vCenter.
        Assert.Contains(records!, r => r is { Token: "reader", Outcome: "refused", Vm: "audited-refusal", Status: 403 });
        Assert.Contains(records!, r => r is { Surface: "mcp", Operation: "delete_vm", Outcome: "preview", Vm: "audited-vm" });
    }

    [Fact]
    public async Task The_audit_log_is_for_admins_only()
    {
        using var reader = fixture.Host.CreateClient(ScopedTokens.Reader);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task The_state_database_holds_no_token_or_password()
    {
        using var admin = fixture.Host.CreateClient();
        await admin.PostAsJsonAsync("/api/v1/vms?target=default", new { vm_label = "secretive", secret_key = Simulator.Password });

        var text = System.Text.Encoding.UTF8.GetString(await StateFiles.RawBytesAsync(fixture.Host.Directory));

        Assert.Contains("secretive", text, StringComparison.Ordinal);
        foreach (var secret in new[] { TestHost.Token, ScopedTokens.Reader, ScopedTokens.Operator, Simulator.Password })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
