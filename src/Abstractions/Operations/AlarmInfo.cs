namespace VmwareMcp.Abstractions.Operations;

/// <summary>A triggered alarm (<c>triggeredAlarmState</c>): which alarm fired on which entity, and how bad.</summary>
public sealed record AlarmInfo
{
    /// <summary>The alarm state's key, unique per triggered alarm.</summary>
    public required string Key { get; init; }

    /// <summary>The Alarm's managed object id (for example <c>alarm-7</c>).</summary>
    public required string AlarmId { get; init; }

    /// <summary>The alarm's name, as defined in vCenter.</summary>
    public string? AlarmName { get; init; }

    /// <summary>The entity it fired on (for example <c>host-21</c>).</summary>
    public required string EntityId { get; init; }

    /// <summary>That entity's name.</summary>
    public string? EntityName { get; init; }

    /// <summary>That entity's type (VirtualMachine, HostSystem, Datastore, …).</summary>
    public required string EntityType { get; init; }

    /// <summary>red, yellow, green or gray.</summary>
    public required string Status { get; init; }

    /// <summary>When it triggered.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Whether someone acknowledged it.</summary>
    public bool Acknowledged { get; init; }

    /// <summary>Who acknowledged it, if anyone.</summary>
    public string? AcknowledgedBy { get; init; }
}
