using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Ovf;

/// <summary>vcsim's vCenter with a host that may read the generated packages' folder, and nothing else.</summary>
public class OvfTarget : SimulatedVcenter
{
    public OvfPackages Packages { get; } = new();

    protected override string ExtraSettings => $"""
        ovf:
          allowed_folders: ["{Packages.Folder}"]
        """;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Packages.Dispose();
    }
}

/// <summary>The same against vcsim's standalone ESXi host.</summary>
public sealed class OvfEsxiTarget : OvfTarget
{
    protected override string[] SimulatorFlags => ["-mode", "esx"];
}
