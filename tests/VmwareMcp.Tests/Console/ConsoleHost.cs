using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Console;

/// <summary>
/// A simulator and a host with what the console shows: an admin, an agent whose renames need approval, a
/// read-only token, and a plugin folder that fails to load.
/// </summary>
public sealed class ConsoleHost : IAsyncLifetime
{
    public const string Admin = "console-admin-5f1e";
    public const string Agent = "console-agent-0b7c";
    public const string Reader = "console-reader-93ad";

    private PluginsFolder _plugins = null!;

    public Simulator Simulator { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public SimulatorInspector Inspector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await Simulator.StartAsync([]);
        Inspector = new SimulatorInspector(Simulator);
        _plugins = PluginsFolder.WithBuiltPlugins();
        _plugins.DropFiles("Garbage", new Dictionary<string, string>
        {
            ["Garbage.dll"] = "this is not an assembly",
            ["plugin.json"] = """{"name": "Garbage", "entry_assembly": "Garbage.dll", "contract_version": "2.0"}""",
        });
        Host = await TestHost.StartAsync(TestHost.SettingsFor(Simulator, $"""
            tokens:
              - name: admin
                token: "{Admin}"
                scopes: [admin]
              - name: agent
                token: "{Agent}"
                scopes: [read, operate]
              - name: reader
                token: "{Reader}"
                scopes: [read]
            policies:
              - name: renames-need-a-human
                effect: require_approval
                tools: [rename_vm]
            """), _plugins.Path);
    }

    public async Task DisposeAsync()
    {
        Inspector.Dispose();
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
