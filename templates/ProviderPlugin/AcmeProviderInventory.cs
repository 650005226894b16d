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
        new VmSummary
        {
            Id = "acmeprovider-1",
            Name = "acmeprovider-app-01",
            PowerState = "poweredOn",
            IsTemplate = false,
            NumCpu = 2,
            MemoryMib = 4096,
            GuestId = "otherLinux64Guest",
            IpAddress = "192.0.2.10",
            Host = "acmeprovider-host-a",
            Cluster = null,
        },
        new VmSummary
        {
            Id = "acmeprovider-2",
            Name = "acmeprovider-app-02",
            PowerState = "poweredOff",
            IsTemplate = false,
            NumCpu = 4,
            MemoryMib = 8192,
            GuestId = "otherLinux64Guest",
            IpAddress = null,
            Host = "acmeprovider-host-b",
            Cluster = null,
        },
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
