using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Hosting;

/// <summary>A class fixture: one vCenter simulator and one host in front of it, for the whole test class.</summary>
public class SimulatedVcenter : IAsyncLifetime
{
    protected virtual string[] SimulatorFlags => [];

    public Simulator Simulator { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await Simulator.StartAsync(SimulatorFlags);
        Host = await TestHost.StartAsync(TestHost.SettingsFor(Simulator));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
