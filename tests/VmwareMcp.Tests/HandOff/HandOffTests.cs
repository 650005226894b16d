using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Host.Audit;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.HandOff;

/// <summary>
/// A long change called with <c>wait: false</c> answers with its vSphere task at once and runs on; the task,
/// the VM it made and the audit of its end are read back independently.
/// </summary>
public sealed class HandOffTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_clone_handed_off_answers_with_a_task_the_endpoint_knows()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var handle = await mcp.CallAsync<JsonElement>("clone_vm", new { source_identifier = "DC0_H0_VM0", destination_label = "handoff-known", wait = false });

        var taskId = handle.GetProperty("task_id").GetString()!;
        Assert.Equal("running", handle.GetProperty("state").GetString());
        Assert.Contains(taskId, await target.Inspector.RecentTaskIdsAsync());
    }

    [Fact]
    public async Task A_handed_off_clone_is_followed_to_its_end_and_its_result_is_the_new_vm()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var handle = await mcp.CallAsync<JsonElement>("clone_vm", new { source_identifier = "DC0_H0_VM0", destination_label = "handoff-followed", wait = false });
        var taskId = handle.GetProperty("task_id").GetString()!;

        TaskSummary task = null!;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            task = await mcp.CallAsync<TaskSummary>("get_task", new { task_id = taskId });
            return task.Result is not null;
        }, Patience), "get_task never showed the handed-off clone's result");

        var made = await target.Inspector.VmNamedAsync("handoff-followed");
        Assert.NotNull(made);
        Assert.Equal("success", task.State);
        Assert.Equal(made.Id, task.Result!.Value.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_handed_off_change_is_audited_to_its_real_end()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var handle = await mcp.CallAsync<JsonElement>("create_vm", new { vm_label = "handoff-audited", wait = false });
        var taskId = handle.GetProperty("task_id").GetString()!;
        using var client = target.Host.CreateClient();

        List<AuditRecord> records = [];
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            records = (await client.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?limit=50", Json.Options))!;
            return records.Any(r => r.Operation == "create_vm" && r.Tasks?.Contains(taskId) == true);
        }, Patience), "the handed-off create never got its end record");

        var ended = records.First(r => r.Operation == "create_vm" && r.Tasks?.Contains(taskId) == true);
        Assert.Equal("ok", ended.Outcome);
        Assert.NotNull(await target.Inspector.VmNamedAsync("handoff-audited"));
    }

    [Fact]
    public async Task A_call_that_starts_no_task_answers_as_if_it_waited()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var vm = await mcp.CallAsync<JsonElement>("create_vm", new { vm_label = "handoff-preview" });

        var preview = await mcp.PreviewAsync("delete_vm", new { vm = vm.GetProperty("id").GetString(), wait = false });

        Assert.Contains("handoff-preview", preview, StringComparison.Ordinal);
        Assert.NotNull(await target.Inspector.VmNamedAsync("handoff-preview"));
    }

    [Fact]
    public async Task Changing_tools_declare_wait_and_reading_tools_do_not()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var tools = (await mcp.ListToolsAsync()).ToDictionary(t => t.Name);

        Assert.True(tools["clone_vm"].JsonSchema.GetProperty("properties").TryGetProperty("wait", out _));
        Assert.False(tools["get_vm"].JsonSchema.GetProperty("properties").TryGetProperty("wait", out _));
    }

    [Fact]
    public async Task Cancelling_where_the_endpoint_cannot_is_a_tool_error_naming_cancel_task()
    {
        // vcsim implements no TaskManager.CancelTask (a real vCenter does): the error path is what can be tested.
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var handle = await mcp.CallAsync<JsonElement>("create_vm", new { vm_label = "handoff-cancel", wait = false });

        var error = await mcp.CallExpectingErrorAsync("cancel_task", new { task_id = handle.GetProperty("task_id").GetString() });

        Assert.StartsWith("NotSupported:", error, StringComparison.Ordinal);
        Assert.Contains("CancelTask", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_over_rest_where_the_endpoint_cannot_is_a_501()
    {
        using var client = target.Host.CreateClient();
        var task = (await target.Inspector.RecentTaskIdsAsync()).FirstOrDefault() ?? (await HandedOffTaskAsync());

        var response = await client.PostAsync($"/api/v1/tasks/{task}/cancel", null);

        Assert.Equal(System.Net.HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("CancelTask", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_task_that_is_not_there_is_a_404()
    {
        using var client = target.Host.CreateClient();

        var response = await client.PostAsync("/api/v1/tasks/task-999999/cancel", null);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_rest_clone_with_wait_false_is_a_202_whose_location_shows_the_new_vm()
    {
        using var client = target.Host.CreateClient();

        using var accepted = await client.PostAsJsonAsync("/api/v1/vms/clone?wait=false", new { source_identifier = "DC0_H0_VM0", destination_label = "handoff-rest" });

        Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
        var handle = await accepted.Content.ReadFromJsonAsync<JsonElement>(Json.Options);
        Assert.Contains(handle.GetProperty("task_id").GetString()!, await target.Inspector.RecentTaskIdsAsync());
        TaskSummary task = null!;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            task = (await client.GetFromJsonAsync<TaskSummary>(accepted.Headers.Location, Json.Options))!;
            return task.Result is not null;
        }, Patience), "the task's location never showed the handed-off clone's result");
        var made = await target.Inspector.VmNamedAsync("handoff-rest");
        Assert.NotNull(made);
        Assert.Equal(made.Id, task.Result!.Value.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_rest_hand_off_retried_with_the_same_key_gets_the_same_task_and_makes_one_vm()
    {
        using var client = target.Host.CreateClient();
        HttpRequestMessage Clone() => new(HttpMethod.Post, "/api/v1/vms/clone?wait=false")
        {
            Content = JsonContent.Create(new { source_identifier = "DC0_H0_VM0", destination_label = "handoff-retried" }),
            Headers = { { "Idempotency-Key", "handoff-retried-1" } },
        };

        using var first = await client.SendAsync(Clone());
        using var retried = await client.SendAsync(Clone());

        Assert.Equal(System.Net.HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.True(await Eventually.HoldsAsync(async () => await target.Inspector.VmNamedAsync("handoff-retried") is not null, Patience));
        Assert.Single(await target.Inspector.VmsAsync(), v => v.Name == "handoff-retried");
    }

    [Fact]
    public async Task A_rest_change_that_starts_no_task_answers_as_if_it_waited()
    {
        using var client = target.Host.CreateClient();

        using var refused = await client.PostAsJsonAsync("/api/v1/vms/clone?wait=false", new { source_identifier = "no-such-source", destination_label = "handoff-none" });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(await target.Inspector.VmNamedAsync("handoff-none"));
    }

    [Fact]
    public async Task A_rest_wait_that_is_not_a_boolean_is_a_400_naming_wait()
    {
        using var client = target.Host.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/vms/clone?wait=later", new { source_identifier = "DC0_H0_VM0", destination_label = "handoff-bad-wait" });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wait must be true or false", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await target.Inspector.VmNamedAsync("handoff-bad-wait"));
    }

    private async Task<string> HandedOffTaskAsync()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        return (await mcp.CallAsync<JsonElement>("create_vm", new { vm_label = "handoff-rest-cancel", wait = false })).GetProperty("task_id").GetString()!;
    }
}
