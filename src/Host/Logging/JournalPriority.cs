using Serilog.Core;
using Serilog.Events;

namespace VmwareMcp.Host.Logging;

/// <summary>
/// Adds the syslog priority of an event's level, which journald reads from a <c>&lt;N&gt;</c> line prefix
/// (SyslogLevelPrefix, on by default), so <c>journalctl -p warning -u vmwaremcp</c> filters by level.
/// </summary>
internal sealed class JournalPriority : ILogEventEnricher
{
    /// <summary>The property the journal template prints.</summary>
    public const string Property = "JournalPriority";

    private static readonly LogEventProperty[] Priorities =
    [
        new(Property, new ScalarValue(7)), // Verbose: debug
        new(Property, new ScalarValue(7)), // Debug: debug
        new(Property, new ScalarValue(6)), // Information: info
        new(Property, new ScalarValue(4)), // Warning: warning
        new(Property, new ScalarValue(3)), // Error: err
        new(Property, new ScalarValue(2)), // Fatal: crit
    ];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
        logEvent.AddPropertyIfAbsent(Priorities[(int)logEvent.Level]);
}
