using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Hosting;

/// <summary>
/// A class fixture: one simulator, a host in front of it and an independent inspector, for the whole test
/// class. Subclasses choose the simulator's flags and add settings.
/// </summary>
public class SimulatedVcenter : IAsyncLifetime
{
    protected virtual string[] SimulatorFlags => [];

    protected virtual string ExtraSettings => string.Empty;

    public Simulator Simulator { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public SimulatorInspector Inspector { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Simulator = await Simulator.StartAsync(SimulatorFlags);
        Host = await TestHost.StartAsync(TestHost.SettingsFor(Simulator, ExtraSettings));
        Inspector = new SimulatorInspector(Simulator);
    }

    public virtual async Task DisposeAsync()
    {
        Inspector.Dispose();
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
