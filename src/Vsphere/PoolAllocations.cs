using System.Globalization;
using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>
/// A resource pool's <c>ResourceConfigSpec</c>: checked from <see cref="ResourcePoolSettings"/>, written for
/// CreateResourcePool and UpdateConfig, and read back as <see cref="ResourceAllocation"/>.
/// </summary>
internal static class PoolAllocations
{
    /// <summary>vSphere's share values per level for pools: CPU, then memory (as the vSphere client shows them).</summary>
    private static readonly Dictionary<string, (int Cpu, int Memory)> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["low"] = (2000, 81920),
        ["normal"] = (4000, 163840),
        ["high"] = (8000, 327680),
    };

    public static ResourceAllocation Read(XElement? allocation) => new()
    {
        Shares = Vim.Path(allocation, "shares.level")?.Value ?? "normal",
        SharesValue = (int)(Vim.Long(Vim.Path(allocation, "shares.shares")) ?? 0),
        Reservation = Vim.Long(allocation?.Element(VimNamespaces.V + "reservation")) ?? 0,
        ExpandableReservation = Vim.Text(allocation, "expandableReservation") == "true",
        Limit = Vim.Long(allocation?.Element(VimNamespaces.V + "limit")) ?? -1,
    };

    /// <summary>Checks every value before anything is sent, naming the first field that is wrong.</summary>
    public static void Check(ResourcePoolSettings settings)
    {
        Shares(settings.CpuShares, "cpu_shares", memory: false);
        Shares(settings.MemoryShares, "memory_shares", memory: true);
        Reservation(settings.CpuReservationMhz, "cpu_reservation_mhz");
        Reservation(settings.MemoryReservationMib, "memory_reservation_mib");
        Limit(settings.CpuLimitMhz, "cpu_limit_mhz");
        Limit(settings.MemoryLimitMib, "memory_limit_mib");
    }

    /// <summary>Writes the spec; with <paramref name="complete"/> (a create) every field, vSphere's defaults where unset.</summary>
    public static void Write(SoapWriter spec, ResourcePoolSettings settings, bool complete)
    {
        spec.Element("cpuAllocation", null, a => Allocation(a, settings.CpuReservationMhz, settings.CpuExpandable, settings.CpuLimitMhz, settings.CpuShares, memory: false, complete));
        spec.Element("memoryAllocation", null, a => Allocation(a, settings.MemoryReservationMib, settings.MemoryExpandable, settings.MemoryLimitMib, settings.MemoryShares, memory: true, complete));
    }

    private static void Allocation(SoapWriter a, long? reservation, bool? expandable, long? limit, string? shares, bool memory, bool complete)
    {
        a.Number("reservation", reservation ?? (complete ? 0 : null));
        a.Bool("expandableReservation", expandable ?? (complete ? true : null));
        a.Number("limit", limit ?? (complete ? -1 : null));
        if (shares is not null || complete)
        {
            var (level, value) = Shares(shares ?? "normal", string.Empty, memory)!.Value;
            a.Element("shares", null, s => s.Number("shares", value).Text("level", level));
        }
    }

    private static (string Level, int Value)? Shares(string? shares, string field, bool memory)
    {
        if (shares is null)
        {
            return null;
        }

        if (Levels.TryGetValue(shares.Trim(), out var standard))
        {
            return (shares.Trim().ToLowerInvariant(), memory ? standard.Memory : standard.Cpu);
        }

        return int.TryParse(shares, NumberStyles.None, CultureInfo.InvariantCulture, out var custom) && custom is >= 1 and <= 10_000_000
            ? ("custom", custom)
            : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} must be low, normal, high or a number of shares from 1 to 10000000, got '{shares}'");
    }

    private static void Reservation(long? value, string field)
    {
        if (value is < 0)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} must be 0 or more, got {value}");
        }
    }

    private static void Limit(long? value, string field)
    {
        if (value is < -1 or 0)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} must be -1 (no limit) or more than 0, got {value}");
        }
    }
}
