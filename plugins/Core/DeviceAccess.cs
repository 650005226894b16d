using VmwareMcp.Abstractions.Devices;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>A target's VM device changes, or a clear "not supported" for providers without them.</summary>
internal static class DeviceAccess
{
    public static async Task<IVmDevices> GetAsync(ITargetProviders targets, string? target, CancellationToken cancellationToken) =>
        Of(await targets.GetAsync(target, cancellationToken));

    public static IVmDevices Of(IHypervisorProvider provider) =>
        provider.Devices
        ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{provider.Target.Name}' cannot change a VM's disks, network adapters or CD-ROM");
}
