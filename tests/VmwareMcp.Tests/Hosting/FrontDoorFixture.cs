using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Hosting;

/// <summary>A simulator, a host in front of it and an independent inspector, plus what the model contains.</summary>
public abstract class FrontDoorFixture : IAsyncLifetime
{
    /// <summary>Harness flags: two datastores, the second with the most free space.</summary>
    protected abstract string[] SimulatorFlags { get; }

    /// <summary>A VM the model creates, powered on.</summary>
    public abstract string ExistingVm { get; }

    /// <summary>Whether the endpoint is a vCenter (clusters, templates, CloneVM_Task).</summary>
    public abstract bool IsVCenter { get; }

    /// <summary>The alarm the harness shows as triggered (red, unacknowledged) on the first host.</summary>
    public const string AlarmName = "Host CPU usage";

    public string MostFreeDatastore => "LocalDS_1";

    public string OtherDatastore => "LocalDS_0";

    public Simulator Simulator { get; private set; } = null!;

    public TestHost Host { get; private set; } = null!;

    public SimulatorInspector Inspector { get; private set; } = null!;

    /// <summary>Generated OVF packages, in the one folder the host may deploy from.</summary>
    public OvfPackages Packages { get; } = new();

    /// <summary>The host's settings: the simulator as its target, and the packages' folder allowed.</summary>
    public string Settings => TestHost.SettingsFor(Simulator, $"""
        ovf:
          allowed_folders: ["{Packages.Folder}"]
        """);

    public async Task InitializeAsync()
    {
        Simulator = await Simulator.StartAsync([.. SimulatorFlags, "-ds", "2", "-ds-free-gb", "100,500", "-alarm", AlarmName]);
        Host = await TestHost.StartAsync(Settings);
        Inspector = new SimulatorInspector(Simulator);
    }

    public async Task DisposeAsync()
    {
        Inspector.Dispose();
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
        Packages.Dispose();
    }
}

/// <summary>vcsim's vCenter model: DC0 with cluster DC0_C0 (3 hosts) and standalone host DC0_H0.</summary>
public sealed class VcenterFrontDoorFixture : FrontDoorFixture
{
    protected override string[] SimulatorFlags => ["-mode", "vpx"];

    public override string ExistingVm => "DC0_H0_VM0";

    public override bool IsVCenter => true;
}

/// <summary>vcsim's standalone ESXi model: ha-datacenter with the single host ha-host.</summary>
public sealed class EsxiFrontDoorFixture : FrontDoorFixture
{
    protected override string[] SimulatorFlags => ["-mode", "esx"];

    public override string ExistingVm => "ha-host_VM0";

    public override bool IsVCenter => false;
}
