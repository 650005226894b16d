using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Idempotency;

/// <summary>
/// A retried change acts once: the same key (REST <c>Idempotency-Key</c>, MCP <c>request_id</c>) gets the first
/// call's outcome. What was made is counted by an independent read of the simulator.
/// </summary>
public sealed class IdempotencyTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task A_rest_create_retried_with_the_same_key_makes_one_vm()
    {
        using var client = target.Host.CreateClient();

        var first = await PostAsync(client, "/api/v1/vms", new { vm_label = "idem-rest" }, "key-rest-1");
        var retry = await PostAsync(client, "/api/v1/vms", new { vm_label = "idem-rest" }, "key-rest-1");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Single(await target.Inspector.VmsAsync(), v => v.Name == "idem-rest");
    }

    [Fact]
    public async Task A_rest_key_reused_for_another_request_is_a_422_naming_the_key()
    {
        using var client = target.Host.CreateClient();
        await PostAsync(client, "/api/v1/vms", new { vm_label = "idem-first" }, "key-reused");

        var other = await PostAsync(client, "/api/v1/vms", new { vm_label = "idem-second" }, "key-reused");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("key-reused", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("idem-second"));
    }

    [Fact]
    public async Task A_rest_key_with_spaces_is_a_400_naming_the_header()
    {
        using var client = target.Host.CreateClient();

        var response = await PostAsync(client, "/api/v1/vms", new { vm_label = "idem-bad-key" }, "not a key");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("idem-bad-key"));
    }

    [Fact]
    public async Task A_rest_failure_is_replayed_not_retried()
    {
        using var client = target.Host.CreateClient();

        var first = await PostAsync(client, "/api/v1/vms/clone", new { source_identifier = "no-such-vm", destination_label = "idem-clone" }, "key-failed");
        var retry = await PostAsync(client, "/api/v1/vms/clone", new { source_identifier = "no-such-vm", destination_label = "idem-clone" }, "key-failed");

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task An_mcp_create_retried_with_the_same_request_id_makes_one_vm()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var first = await mcp.CallAsync<VmDetails>("create_vm", new { vm_label = "idem-mcp", request_id = "req-mcp-1" });
        var retry = await mcp.CallAsync<VmDetails>("create_vm", new { vm_label = "idem-mcp", request_id = "req-mcp-1" });

        Assert.Equal(first.Id, retry.Id);
        Assert.Single(await target.Inspector.VmsAsync(), v => v.Name == "idem-mcp");
    }

    [Fact]
    public async Task An_mcp_request_id_reused_with_other_arguments_is_a_tool_error_naming_it()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        await mcp.CallAsync<VmDetails>("create_vm", new { vm_label = "idem-mcp-a", request_id = "req-reused" });

        var error = await mcp.CallExpectingErrorAsync("create_vm", new { vm_label = "idem-mcp-b", request_id = "req-reused" });

        Assert.Contains("req-reused", error, StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("idem-mcp-b"));
    }

    [Fact]
    public async Task A_preview_leaves_its_request_id_free_for_the_confirmed_call()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var vm = await mcp.CallAsync<VmDetails>("create_vm", new { vm_label = "idem-delete" });

        await mcp.PreviewAsync("delete_vm", new { vm = vm.Id, request_id = "req-delete" });
        await mcp.CallAsync<JsonElement>("delete_vm", new { vm = vm.Id, request_id = "req-delete", confirm = true });

        Assert.Null(await target.Inspector.VmNamedAsync("idem-delete"));
    }

    [Fact]
    public async Task Changing_tools_declare_request_id_and_reading_tools_do_not()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var tools = (await mcp.ListToolsAsync()).ToDictionary(t => t.Name);

        Assert.True(tools["create_vm"].JsonSchema.GetProperty("properties").TryGetProperty("request_id", out _));
        Assert.False(tools["list_vms"].JsonSchema.GetProperty("properties").TryGetProperty("request_id", out _));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
