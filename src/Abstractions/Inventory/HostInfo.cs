namespace VmwareMcp.Abstractions.Inventory;

/// <summary>An ESXi host.</summary>
public sealed record HostInfo
{
    /// <summary>Managed object id.</summary>
    public required string Id { get; init; }

    /// <summary>Name (usually its DNS name or address).</summary>
    public required string Name { get; init; }

    /// <summary>The cluster's name, or null for a standalone host.</summary>
    public string? Cluster { get; init; }

    /// <summary><c>connected</c>, <c>disconnected</c> or <c>notResponding</c>.</summary>
    public required string ConnectionState { get; init; }

    /// <summary><c>poweredOn</c>, <c>poweredOff</c>, <c>standBy</c> or <c>unknown</c>.</summary>
    public required string PowerState { get; init; }

    /// <summary>Whether it is in maintenance mode.</summary>
    public bool InMaintenanceMode { get; init; }

    /// <summary>Hardware vendor.</summary>
    public string? Vendor { get; init; }

    /// <summary>Hardware model.</summary>
    public string? Model { get; init; }

    /// <summary>CPU model.</summary>
    public string? CpuModel { get; init; }

    /// <summary>Physical cores.</summary>
    public int CpuCores { get; init; }

    /// <summary>Hardware threads.</summary>
    public int CpuThreads { get; init; }

    /// <summary>Clock per core in MHz.</summary>
    public int CpuMhz { get; init; }

    /// <summary>Physical memory in bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>ESXi version.</summary>
    public string? Version { get; init; }

    /// <summary>ESXi build.</summary>
    public string? Build { get; init; }

    /// <summary>Seconds since boot, when known.</summary>
    public long? UptimeSeconds { get; init; }
}
