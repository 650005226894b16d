using Microsoft.Extensions.Options;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>Checks the telemetry keys at start; each failure names the key, what it accepts and the value found.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        if (options.IntervalSeconds is < 1 or > 3600)
        {
            failures.Add($"telemetry_interval_seconds: expected a number of seconds from 1 to 3600, found {options.IntervalSeconds}");
        }

        if (options.HistoryMinutes is < 1 or > 1440)
        {
            failures.Add($"telemetry_history_minutes: expected a number of minutes from 1 to 1440, found {options.HistoryMinutes}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
