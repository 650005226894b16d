using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VmwareMcp.Tests.Conformance;
using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Console;

/// <summary>The console in Debian's Chromium (playwright-core), against the simulator, changed behind its back.</summary>
public sealed class ConsoleBrowserTests(ConsoleHost target) : IClassFixture<ConsoleHost>
{
    /// <summary>Where each run leaves its screenshots; docs/console holds the current ones.</summary>
    public static string Screenshots => Path.Combine(RepositoryPaths.Root, "artifacts", "console-screenshots");

    [Fact]
    public async Task An_operator_signs_in_watches_a_change_arrive_sees_a_failed_plugin_and_approves_a_request()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is missing: run scripts/bootstrap.sh");
        const string markup = "<img src=x onerror=alert(1)>";
        await target.Inspector.CloneVmAsync((await target.Inspector.VmNamedAsync("DC0_H0_VM1"))!.Id, markup);
        using var agent = target.Host.CreateClient(ConsoleHost.Agent);
        using var held = await agent.PostAsJsonAsync("/api/v1/vms/DC0_H0_VM1/rename", new { new_name = "renamed-in-console" });
        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        var approval = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approval_id").GetString();
        var watched = (await target.Inspector.VmNamedAsync("DC0_H0_VM0"))!.Id;

        var (exit, output) = await NodeClient.RunAsync(target.Host, NodeClient.Node22,
            async line =>
            {
                if (line == "step: vms-live")
                {
                    await target.Inspector.PowerOffAsync(watched); // behind the host's back
                }
            },
            "console.mjs", "--url", target.Host.BaseUrl.ToString(), "--admin", ConsoleHost.Admin, "--reader", ConsoleHost.Reader,
            "--vm", "DC0_H0_VM0", "--markup-vm", markup, "--screenshots", Screenshots);

        Assert.True(exit == 0, output);
        Assert.Contains("step: power-change-shown", output, StringComparison.Ordinal);
        Assert.Contains("step: failed-plugin Garbage", output, StringComparison.Ordinal);
        using var admin = target.Host.CreateClient(ConsoleHost.Admin);
        var decided = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/approvals/{approval}");
        Assert.Equal("approved", decided.GetProperty("state").GetString());
        Assert.Equal("admin", decided.GetProperty("decided_by").GetString());
        foreach (var view in new[] { "vms", "vm-detail", "plugins", "approvals", "targets", "alarms", "tasks", "audit", "vms-phone" })
        {
            Assert.True(File.Exists(Path.Combine(Screenshots, view + ".png")), $"no screenshot of {view}");
        }
    }
}
