using System.Net;
using System.Net.Http.Json;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Security;

public sealed class LimitsTests
{
    [Fact]
    public async Task A_token_over_its_rate_limit_gets_429_with_retry_after()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null, "rate_limit_per_minute: 3"));
        using var client = host.CreateClient();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await client.GetAsync("/api/v1/targets"));
        }

        Assert.All(statuses.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3].StatusCode);
        Assert.NotNull(statuses[3].Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_read_only_target_refuses_changes_and_still_answers_reads()
    {
        await using var simulator = await Simulator.StartAsync();
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(simulator, "read_only: true"));
        using var client = host.CreateClient();

        var create = await client.PostAsJsonAsync("/api/v1/vms", new { vm_label = "forbidden-write" });
        var list = await client.GetAsync("/api/v1/vms");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains("read-only", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task A_flooded_target_answers_503_with_retry_after_instead_of_hanging()
    {
        // Every SOAP call takes a second and only one may be in flight: 16 lists cannot all get a slot within the 10 s wait.
        await using var simulator = await Simulator.StartAsync("-delay", "1000");
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(simulator, "max_concurrent_calls: 1"));
        using var client = host.CreateClient();
        await client.GetAsync("/readyz");

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetAsync("/api/v1/vms")));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var busy = responses.First(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(busy.Headers.RetryAfter);
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500 && r.StatusCode != HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task A_read_that_cannot_finish_within_its_one_deadline_answers_503_with_retry_after()
    {
        await using var simulator = await Simulator.StartAsync("-delay", "500");
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(simulator, "max_concurrent_calls: 1\ninventory_cache: false\nrequest_timeout_seconds: 2"));
        using var client = host.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/api/v1/vms/DC0_H0_VM0")));

        var late = responses.Where(r => r.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(late);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.ServiceUnavailable }));
        Assert.All(late, r => Assert.NotNull(r.Headers.RetryAfter));
        var texts = await Task.WhenAll(late.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Contains(texts, t => t.Contains("request_timeout_seconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_tool_that_cannot_finish_within_its_one_deadline_is_a_tool_error_saying_so()
    {
        await using var simulator = await Simulator.StartAsync("-delay", "500");
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(simulator, "max_concurrent_calls: 1\ninventory_cache: false\nrequest_timeout_seconds: 2"));
        await using var mcp = await host.ConnectMcpAsync(ModelContextProtocol.Client.HttpTransportMode.StreamableHttp);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            mcp.CallToolAsync("get_vm", new Dictionary<string, object?> { ["vm"] = "DC0_H0_VM0" }).AsTask()));

        Assert.Contains(results, r => r.IsError == true && Mcp.McpCalls.Text(r).Contains("request_timeout_seconds", StringComparison.Ordinal));
    }
}
