using ModelContextProtocol.Client;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Mcp;

/// <summary>The host process started with --stdio, driven by the SDK's stdio client, in front of vcsim.</summary>
public sealed class StdioTransportTests(SimulatedVcenter vcenter) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task A_local_client_lists_and_calls_tools_over_stdin_and_stdout()
    {
        var config = await TestHost.WriteSettingsAsync(TestHost.SettingsFor(vcenter.Simulator));
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [Path.Combine(AppContext.BaseDirectory, "VmwareMcp.Host.dll"), "--stdio", "--config", config],
            Name = "vmwaremcp",
        });

        await using var mcp = await McpClient.CreateAsync(transport);
        var tools = await mcp.ListToolsAsync();
        var page = await mcp.CallAsync<VmwareMcp.Abstractions.Vms.VmPage>("list_vms", new { name = "DC0_H0_VM0" });

        Assert.Contains(tools, t => t.Name == "list_clusters");
        Assert.Equal("DC0_H0_VM0", Assert.Single(page.Items).Name);
    }
}
