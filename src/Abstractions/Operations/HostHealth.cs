namespace VmwareMcp.Abstractions.Operations;

/// <summary>A host's state and hardware health.</summary>
public sealed record HostHealth
{
    /// <summary>The host's managed object id.</summary>
    public required string Id { get; init; }

    /// <summary>The host's name.</summary>
    public required string Name { get; init; }

    /// <summary>connected, disconnected or notResponding.</summary>
    public string? ConnectionState { get; init; }

    /// <summary>Whether it is in maintenance mode.</summary>
    public bool InMaintenanceMode { get; init; }

    /// <summary>green, yellow, red or gray.</summary>
    public string? OverallStatus { get; init; }

    /// <summary>Hardware sensors (<c>runtime.healthSystemRuntime</c>); empty when the host reports none.</summary>
    public IReadOnlyList<SensorReading> Sensors { get; init; } = [];

    /// <summary>Host services (HostServiceSystem); null when the endpoint does not report them.</summary>
    public IReadOnlyList<HostService>? Services { get; init; }

    /// <summary>Why services are missing, when they are.</summary>
    public string? ServicesError { get; init; }
}

/// <summary>One hardware sensor.</summary>
/// <param name="Name">Sensor name.</param>
/// <param name="Type">Sensor type (temperature, fan, power, …).</param>
/// <param name="Health">green, yellow, red or unknown.</param>
/// <param name="Reading">The reading, scaled to <paramref name="Units"/>.</param>
/// <param name="Units">The reading's units.</param>
public sealed record SensorReading(string Name, string? Type, string? Health, double? Reading, string? Units);

/// <summary>One host service (for example TSM-SSH).</summary>
/// <param name="Key">Service key.</param>
/// <param name="Label">Display label.</param>
/// <param name="Running">Whether it runs.</param>
/// <param name="Policy">Startup policy: on, off or automatic.</param>
public sealed record HostService(string Key, string? Label, bool Running, string? Policy);
