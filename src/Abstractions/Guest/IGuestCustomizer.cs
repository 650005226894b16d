using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Abstractions.Guest;

/// <summary>
/// Guest customization (LinuxPrep, Sysprep, addresses) and waiting for a guest to answer. Since 2.5; offered
/// through <see cref="Providers.IHypervisorProvider.Guest"/>.
/// </summary>
public interface IGuestCustomizer
{
    /// <summary>The customization specifications saved on the endpoint; NotSupported where there is no manager for them (a standalone ESXi host).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<CustomizationSpecInfo>> ListCustomizationSpecsAsync(CancellationToken cancellationToken);

    /// <summary>Customizes a powered-off VM: the guest takes the new identity at its next power-on.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="customization">What to apply; checked whole before anything is sent.</param>
    /// <param name="progress">Receives the task's percentage.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> CustomizeAsync(string vm, GuestCustomization customization, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Waits until the guest reports an IP address, or the time is up (then <see cref="GuestState.Ready"/> is false).</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="timeout">How long to wait, 1 s to 1 h.</param>
    /// <param name="progress">Receives the share of the time waited so far, 0-100, about each second.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<GuestState> WaitForGuestAsync(string vm, TimeSpan timeout, IProgress<int>? progress, CancellationToken cancellationToken);
}
