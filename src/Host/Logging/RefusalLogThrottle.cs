using System.Collections.Concurrent;
using Serilog.Events;

namespace VmwareMcp.Host.Logging;

/// <summary>
/// Keeps a flood of refused requests (401, 403, 429) from flooding the log: the first refusal of a source
/// (its token's name, or its address) in an interval is logged, the rest of that interval are not. Every
/// request is still counted by status in the Prometheus exposition (<c>http_requests_received_total</c>).
/// </summary>
internal sealed class RefusalLogThrottle(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private const int MaxSources = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastLogged = new(StringComparer.Ordinal);

    /// <summary>The level to log a finished request at; below any configured minimum when it is to be left out.</summary>
    public LogEventLevel LevelFor(HttpContext context, Exception? exception)
    {
        var status = context.Response.StatusCode;
        if (exception is not null || status >= 500)
        {
            return LogEventLevel.Error;
        }

        if (status is not (401 or 403 or 429))
        {
            return LogEventLevel.Information;
        }

        var now = time.GetUtcNow();
        var source = Security.RateLimiting.Bucket(context);
        if (_lastLogged.TryGetValue(source, out var last) && now - last < Interval)
        {
            return LogEventLevel.Verbose; // Never enabled: the host's lowest level is DEBUG.
        }

        if (_lastLogged.Count >= MaxSources)
        {
            _lastLogged.Clear(); // Many sources at once: start over rather than grow without bound.
        }

        _lastLogged[source] = now;
        return LogEventLevel.Warning;
    }
}
