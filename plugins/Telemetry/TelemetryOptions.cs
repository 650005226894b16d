using Microsoft.Extensions.Configuration;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>The telemetry plugin's settings, top-level keys of the host's config file.</summary>
public sealed class TelemetryOptions
{
    /// <summary><c>telemetry_interval_seconds</c>: how often every target is sampled (vSphere's realtime interval is 20).</summary>
    [ConfigurationKeyName("telemetry_interval_seconds")]
    public int IntervalSeconds { get; set; } = 20;

    /// <summary><c>telemetry_history_minutes</c>: how much history is kept in memory per target.</summary>
    [ConfigurationKeyName("telemetry_history_minutes")]
    public int HistoryMinutes { get; set; } = 60;

    /// <summary>How many samples fit in the history.</summary>
    public int HistoryCapacity => Math.Max(1, HistoryMinutes * 60 / IntervalSeconds);
}
