using System.Net;
using System.Net.Sockets;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.OAuth;

/// <summary>A simulator, a real OpenID provider and a host that accepts its tokens beside the static one.</summary>
public sealed class OAuthTarget : IAsyncLifetime
{
    public Simulator Simulator { get; private set; } = null!;

    public OpenIdProvider Provider { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    /// <summary>This host's resource identifier: its MCP endpoint as clients reach it.</summary>
    public string Audience { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await Simulator.StartAsync([]);
        Provider = await OpenIdProvider.StartAsync();
        var port = FreePort.Next();
        Audience = $"https://127.0.0.1:{port}/mcp";
        Host = await TestHost.StartAsync(TestHost.SettingsFor(Simulator, $"""
            oauth:
              issuer: "{Provider.Issuer}"
              audience: "{Audience}"
            """).Replace("https://127.0.0.1:0", $"https://127.0.0.1:{port}", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Provider.DisposeAsync();
        await Simulator.DisposeAsync();
    }

}
