using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace VmwareMcp.Tests.Harness;

/// <summary>Keeps every line a host logs, rendered, so tests can search them (for secrets, for failures).</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage()} {properties} {logEvent.Exception}");
    }

    /// <summary>Fails when any captured line contains one of <paramref name="secrets"/>.</summary>
    public void AssertContainsNone(params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            var leak = _lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"a log line contains a secret: {leak}");
        }
    }
}
