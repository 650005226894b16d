namespace VmwareMcp.Abstractions.Operations;

/// <summary>A host's state and hardware health.</summary>
/// <param name="Id">The host's managed object id.</param>
/// <param name="Name">The host's name.</param>
/// <param name="ConnectionState">connected, disconnected or notResponding.</param>
/// <param name="InMaintenanceMode">Whether it is in maintenance mode.</param>
/// <param name="OverallStatus">green, yellow, red or gray.</param>
/// <param name="Sensors">Hardware sensors (<c>runtime.healthSystemRuntime</c>); empty when the host reports none.</param>
/// <param name="Services">Host services (HostServiceSystem); null when the endpoint does not report them.</param>
/// <param name="ServicesError">Why services are missing, when they are.</param>
public sealed record HostHealth(
    string Id, string Name, string? ConnectionState, bool InMaintenanceMode, string? OverallStatus,
    IReadOnlyList<SensorReading> Sensors, IReadOnlyList<HostService>? Services, string? ServicesError);

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
