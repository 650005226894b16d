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
    /// Runs two operations in alternating blocks of ten, <paramref name="runs"/> times each, so both see the
    /// same stretch of a noisy machine and a ratio of their p50s is fair where two separate series drift
    /// apart. Blocks rather than single calls: each call leaves garbage in the simulator that the next one
    /// pays for, and in blocks each operation mostly pays its own.
    /// </summary>
    public static async Task<((double P50, double P99) First, (double P50, double P99) Second)> MeasureAlternatelyAsync(int warmup, int runs, Func<Task> first, Func<Task> second)
    {
        const int Block = 10;
        for (var i = 0; i < warmup; i++)
        {
            await first();
            await second();
        }

        var a = new List<double>();
        var b = new List<double>();
        while (a.Count < runs)
        {
            foreach (var (operation, samples) in new[] { (first, a), (second, b) })
            {
                for (var i = 0; i < Block; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await operation();
                    samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        return (Percentiles([.. a]), Percentiles([.. b]));
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
