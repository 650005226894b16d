using System.Diagnostics;

namespace VmwareMcp.Bench;

/// <summary>Runs an operation repeatedly and reports percentiles in milliseconds.</summary>
internal static class Stats
{
    public static async Task<(double P50, double P99)> MeasureAsync(int warmup, int runs, Func<Task> operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation();
        }

        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        return (samples[runs / 2], samples[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.99) - 1)]);
    }

    /// <summary>Requests per second from <paramref name="connections"/> loops for <paramref name="duration"/>.</summary>
    public static async Task<double> ThroughputAsync(int connections, TimeSpan duration, Func<Task> operation)
    {
        var done = 0L;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (stopwatch.Elapsed < duration)
            {
                await operation();
                Interlocked.Increment(ref done);
            }
        }));
        return done / stopwatch.Elapsed.TotalSeconds;
    }
}
