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

        return Percentiles(samples);
    }

    /// <summary>
    /// Runs two operations in turn, <paramref name="runs"/> times each, so both see the same moments of a
    /// noisy machine; a ratio of their p50s is then fair where two separate series drift apart. Each timed
    /// call starts from a collected heap, so neither pays for the other's garbage (both run in this process).
    /// </summary>
    public static async Task<((double P50, double P99) First, (double P50, double P99) Second)> MeasureAlternatelyAsync(int warmup, int runs, Func<Task> first, Func<Task> second)
    {
        for (var i = 0; i < warmup; i++)
        {
            await first();
            await second();
        }

        var a = new double[runs];
        var b = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var started = Stopwatch.GetTimestamp();
            await first();
            a[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            GC.Collect();
            started = Stopwatch.GetTimestamp();
            await second();
            b[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return (Percentiles(a), Percentiles(b));
    }

    private static (double P50, double P99) Percentiles(double[] samples)
    {
        Array.Sort(samples);
        return (samples[samples.Length / 2], samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(samples.Length * 0.99) - 1)]);
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
