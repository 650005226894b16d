namespace VmwareMcp.Abstractions.Operations;

/// <summary>A triggered alarm (<c>triggeredAlarmState</c>): which alarm fired on which entity, and how bad.</summary>
/// <param name="Key">The alarm state's key, unique per triggered alarm.</param>
/// <param name="AlarmId">The Alarm's managed object id (for example <c>alarm-7</c>).</param>
/// <param name="AlarmName">The alarm's name, as defined in vCenter.</param>
/// <param name="EntityId">The entity it fired on (for example <c>host-21</c>).</param>
/// <param name="EntityName">That entity's name.</param>
/// <param name="EntityType">That entity's type (VirtualMachine, HostSystem, Datastore, …).</param>
/// <param name="Status">red, yellow, green or gray.</param>
/// <param name="Time">When it triggered.</param>
/// <param name="Acknowledged">Whether someone acknowledged it.</param>
/// <param name="AcknowledgedBy">Who acknowledged it, if anyone.</param>
public sealed record AlarmInfo(
    string Key, string AlarmId, string? AlarmName, string EntityId, string? EntityName, string EntityType,
    string Status, DateTimeOffset? Time, bool Acknowledged, string? AcknowledgedBy);
