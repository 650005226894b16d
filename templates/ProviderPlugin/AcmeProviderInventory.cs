using VmwareMcp.Abstractions.Vms;

namespace AcmeProvider;

/// <summary>
/// Where the provider's VMs come from. Replace the fixed list with calls to your platform's API,
/// async all the way and with the caller's CancellationToken.
/// </summary>
public sealed class AcmeProviderInventory
{
    private static readonly VmSummary[] Vms =
    [
        new("acmeprovider-1", "acmeprovider-app-01", "poweredOn", false, 2, 4096, "otherLinux64Guest", "192.0.2.10", "acmeprovider-host-a", null),
        new("acmeprovider-2", "acmeprovider-app-02", "poweredOff", false, 4, 8192, "otherLinux64Guest", null, "acmeprovider-host-b", null),
    ];

    /// <summary>Every VM.</summary>
    public IReadOnlyList<VmSummary> All => Vms;

    /// <summary>A summary of what is served.</summary>
    public AcmeProviderStatus Status() => new("acmeprovider", Vms.Length);
}

/// <summary>What <c>acmeprovider_status</c> answers.</summary>
/// <param name="Kind">The provider kind targets use.</param>
/// <param name="VmCount">How many VMs it serves.</param>
public sealed record AcmeProviderStatus(string Kind, int VmCount);
