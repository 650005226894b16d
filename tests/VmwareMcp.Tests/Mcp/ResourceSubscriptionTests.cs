using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Security;

namespace VmwareMcp.Tests.Mcp;

/// <summary>
/// A session subscribed to a VM's resource is told when the VM changes, also behind the host's back (the
/// change is made through the simulator directly, and reaches the host through its live inventory).
/// </summary>
public sealed class ResourceSubscriptionTests(SimulatedVcenter target) : IClassFixture<SimulatedVcenter>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_subscribed_session_hears_of_a_power_change_made_behind_the_hosts_back()
    {
        var vm = (await target.Inspector.VmsAsync()).First(v => v.Name == "DC0_H0_VM0");
        var uri = $"vsphere://default/vm/{vm.Id}";
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.Sse);
        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handler = mcp.RegisterNotificationHandler(NotificationMethods.ResourceUpdatedNotification, (notification, _) =>
        {
            updated.TrySetResult(notification.Params?["uri"]?.GetValue<string>() ?? string.Empty);
            return ValueTask.CompletedTask;
        });

        await mcp.SubscribeToResourceAsync(uri);
        await target.Inspector.PowerOffAsync(vm.Id);

        Assert.Equal(uri, await updated.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_vm_named_by_its_name_is_followed_by_its_id()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.Sse);
        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handler = mcp.RegisterNotificationHandler(NotificationMethods.ResourceUpdatedNotification, (notification, _) =>
        {
            updated.TrySetResult(notification.Params?["uri"]?.GetValue<string>() ?? string.Empty);
            return ValueTask.CompletedTask;
        });
        var vm = (await target.Inspector.VmsAsync()).First(v => v.Name == "DC0_H0_VM1");

        await mcp.SubscribeToResourceAsync("vsphere://default/vm/DC0_H0_VM1");
        await target.Inspector.PowerOffAsync(vm.Id);

        Assert.Equal("vsphere://default/vm/DC0_H0_VM1", await updated.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task Subscribing_to_a_vm_that_is_not_there_is_resource_not_found()
    {
        await using var mcp = await target.Host.ConnectMcpAsync(HttpTransportMode.Sse);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => mcp.SubscribeToResourceAsync("vsphere://default/vm/no-such-vm"));

        Assert.Equal(McpErrorCode.ResourceNotFound, error.ErrorCode);
    }
}

/// <summary>A token limited to other targets reads no resource of this one, on any transport.</summary>
public sealed class ResourceScopeTests(ScopedTokens target) : IClassFixture<ScopedTokens>
{
    [Theory]
    [InlineData(HttpTransportMode.Sse)]
    [InlineData(HttpTransportMode.StreamableHttp)]
    public async Task A_token_limited_to_another_target_cannot_read_this_ones_vm(HttpTransportMode mode)
    {
        var vm = (await target.Inspector.VmsAsync()).First();
        await using var mcp = await target.Host.ConnectMcpAsync(mode, ScopedTokens.Elsewhere);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => mcp.ReadResourceAsync($"vsphere://default/vm/{vm.Id}").AsTask());

        Assert.Contains("may not touch target 'default'", error.Message, StringComparison.Ordinal);
    }
}
