using Microsoft.Extensions.Diagnostics.HealthChecks;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.Health;

/// <summary>
/// /readyz: each target connected, or why not. The host stays up either way. Probes answer from the last
/// check while it is younger than <see cref="Freshness"/>, and concurrent probes share one check, so however
/// many probes arrive, the endpoints see at most one round of calls per interval. The check runs as the
/// host (no caller's target limits); what a caller may see is filtered when the answer is written.
/// </summary>
internal sealed class TargetsHealthCheck(TargetProviders targets, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PerTarget = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Checked? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } raced)
            {
                return raced;
            }

            using (Security.Caller.Use(null))
            {
                var result = await CheckTargetsAsync(cancellationToken);
                _last = new Checked(time.GetUtcNow(), result);
                return result;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private HealthCheckResult? Fresh() => _last is { } last && time.GetUtcNow() - last.At < Freshness ? last.Outcome : null;

    private async Task<HealthCheckResult> CheckTargetsAsync(CancellationToken cancellationToken)
    {
        var checks = targets.Targets.Select(async target =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PerTarget);
            try
            {
                var provider = await targets.GetAsync(target.Name, timeout.Token);
                var about = await provider.GetEndpointInfoAsync(timeout.Token);
                targets.ReportStatus(target.Name, null);
                var cache = provider.InventoryCache;
                return (target.Name, Ok: true, Report: (object)new
                {
                    status = "connected", kind = targets.KindOf(target.Name), api_type = about.ApiType, version = about.ApiVersion, product = about.FullName,
                    inventory_cache = cache?.CacheState ?? "off", cached_objects = cache?.CachedObjects ?? 0,
                });
            }
            catch (HypervisorException ex)
            {
                targets.ReportStatus(target.Name, ex.Message);
                return (target.Name, Ok: false, Report: (object)new { status = "error", kind = targets.KindOf(target.Name) ?? target.Kind, error = ex.Message });
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (target.Name, Ok: false, Report: (object)new { status = "error", kind = targets.KindOf(target.Name) ?? target.Kind, error = $"no answer within {PerTarget.TotalSeconds:0} s" });
            }
        });

        var results = await Task.WhenAll(checks);
        var data = results.ToDictionary(r => r.Name, r => r.Report);
        return results.All(r => r.Ok)
            ? HealthCheckResult.Healthy("every target is connected", data)
            : HealthCheckResult.Unhealthy($"{results.Count(r => !r.Ok)} of {results.Length} targets are not connected", data: data);
    }

    private sealed record Checked(DateTimeOffset At, HealthCheckResult Outcome);
}
