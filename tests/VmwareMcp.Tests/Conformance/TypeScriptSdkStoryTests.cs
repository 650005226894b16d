using System.Text.Json;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Conformance;

/// <summary>
/// What an agent built on the official TypeScript MCP SDK does when a call is long or times out
/// (tests/conformance/scenarios.mjs): each story's effect is read back from the simulator, not from the host.
/// </summary>
public sealed class TypeScriptSdkStoryTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task A_create_retried_with_the_same_request_id_makes_one_vm()
    {
        var seen = await StoryAsync("retried-create", "--name", "ts-retried");

        Assert.Equal(seen.GetProperty("first").GetString(), seen.GetProperty("second").GetString());
        Assert.Single(await target.Inspector.VmsAsync(), v => v.Name == "ts-retried");
    }

    [Fact]
    public async Task A_clone_handed_off_is_followed_with_get_task_to_the_new_vm()
    {
        var seen = await StoryAsync("handoff-clone", "--vm", "DC0_H0_VM0", "--name", "ts-handoff");

        var made = await target.Inspector.VmNamedAsync("ts-handoff");
        Assert.NotNull(made);
        Assert.Equal(made.Id, seen.GetProperty("result").GetString());
        Assert.Contains(seen.GetProperty("task_id").GetString()!, await target.Inspector.RecentTaskIdsAsync());
    }

    [Fact]
    public async Task A_subscription_hears_of_a_power_change_made_behind_the_hosts_back()
    {
        var vm = (await target.Inspector.VmsAsync()).First(v => v.Name == "DC0_C0_RP0_VM1");
        var uri = $"vsphere://default/vm/{vm.Id}";

        var seen = await StoryAsync("subscribe", async line =>
        {
            if (line == "subscribed")
            {
                await target.Inspector.PowerOffAsync(vm.Id);
            }
        }, "--uri", uri);

        Assert.Equal(uri, seen.GetProperty("updated").GetString());
    }

    private Task<JsonElement> StoryAsync(string story, params string[] arguments) => StoryAsync(story, _ => Task.CompletedTask, arguments);

    /// <summary>Runs one story and gives back the JSON line it printed last.</summary>
    private async Task<JsonElement> StoryAsync(string story, Func<string, Task> onLine, params string[] arguments)
    {
        var (exitCode, output) = await NodeClient.RunAsync(target.Host, "node", onLine,
            ["scenarios.mjs", story, "--url", target.Host.BaseUrl.ToString(), "--token", TestHost.Token, .. arguments]);

        Assert.True(exitCode == 0, output);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last(l => l.StartsWith('{'));
        return JsonDocument.Parse(last).RootElement.Clone();
    }
}
