using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Mcp;

public sealed class McpTransportTests(SimulatedVcenter vcenter) : IClassFixture<SimulatedVcenter>
{
    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp)]
    [InlineData(HttpTransportMode.Sse)]
    public async Task A_client_connects_with_the_token_and_lists_tools(HttpTransportMode mode)
    {
        await using var mcp = await vcenter.Host.ConnectMcpAsync(mode);

        var tools = await mcp.ListToolsAsync();

        Assert.Contains(tools, t => t.Name == "list_targets");
        Assert.Equal("VmwareMcp", mcp.ServerInfo?.Name);
    }

    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp)]
    [InlineData(HttpTransportMode.Sse)]
    public async Task A_client_calls_a_plugin_tool_against_the_simulator(HttpTransportMode mode)
    {
        await using var mcp = await vcenter.Host.ConnectMcpAsync(mode);

        var result = await mcp.CallToolAsync("list_clusters");

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("DC0_C0", result.StructuredContent!.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"host_count\"", result.StructuredContent!.ToString(), StringComparison.Ordinal); // Plugins share the host's snake_case.
    }

    [Fact]
    public async Task A_hypervisor_error_reaches_the_client_as_a_tool_error_with_its_message()
    {
        await using var mcp = await vcenter.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var result = await mcp.CallToolAsync("list_clusters", new Dictionary<string, object?> { ["target"] = "nope" });

        Assert.True(result.IsError);
        Assert.Contains("no target named 'nope'", ((TextContentBlock)result.Content[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_only_tools_say_so_in_their_annotations()
    {
        await using var mcp = await vcenter.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);

        var tool = (await mcp.ListToolsAsync()).Single(t => t.Name == "list_clusters");

        Assert.True(tool.ProtocolTool.Annotations?.ReadOnlyHint);
    }

    [Fact]
    public async Task A_client_that_set_a_logging_level_gets_the_milestones_of_a_change()
    {
        await using var mcp = await vcenter.Host.ConnectMcpAsync(HttpTransportMode.Sse);
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
#pragma warning disable MCP9005 // Deprecated from protocol revision 2026-07-28; the clients in use still speak it.
        await using var handler = mcp.RegisterNotificationHandler(NotificationMethods.LoggingMessageNotification, (notification, _) =>
        {
            var text = notification.Params?["data"]?.GetValue<string>() ?? string.Empty;
            if (text.StartsWith("create_vm started", StringComparison.Ordinal))
            {
                started.TrySetResult(notification.Params!["level"]!.GetValue<string>());
            }

            return ValueTask.CompletedTask;
        });
        await mcp.SetLoggingLevelAsync(LoggingLevel.Info);
#pragma warning restore MCP9005

        var result = await mcp.CallToolAsync("create_vm", new Dictionary<string, object?> { ["vm_label"] = "logged-create" });

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("info", await started.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
