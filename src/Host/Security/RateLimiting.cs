using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Security;

/// <summary>
/// Each token gets <c>rate_limit_per_minute</c> requests, shared with the session tokens exchanged for it
/// (anonymous callers are limited per address); past that the answer is 429 with Retry-After, at once, never
/// a queue. Health probes have a bucket of their own per address, so probes cannot starve real calls nor
/// real calls the probes.
/// </summary>
internal static class RateLimiting
{
    /// <summary>Probes per address and minute: a probe every 100 ms is far more than any orchestrator sends.</summary>
    public const int HealthProbesPerMinute = 600;

    /// <summary>The bucket a request draws from: its token's, a session token's parent's, or its address's.</summary>
    public static string Bucket(HttpContext context) =>
        context.User.Identity?.Name is { } name
            ? name.EndsWith(SessionSuffix, StringComparison.Ordinal) ? name[..^SessionSuffix.Length] : name
            : "ip:" + context.Connection.RemoteIpAddress;

    private const string SessionSuffix = ":session";

    public static IServiceCollection AddTokenRateLimits(this IServiceCollection services, HostSettings settings) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz")
                    ? RateLimitPartition.GetTokenBucketLimiter("health:" + context.Connection.RemoteIpAddress, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = HealthProbesPerMinute,
                        TokensPerPeriod = HealthProbesPerMinute,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetTokenBucketLimiter(
                        Bucket(context),
                        _ => new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = settings.RateLimitPerMinute,
                            TokensPerPeriod = settings.RateLimitPerMinute,
                            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"the token '{context.HttpContext.User.Identity?.Name}' exceeded {settings.RateLimitPerMinute} requests per minute (rate_limit_per_minute); retry after {retryAfter.TotalSeconds:0} s")
                    .ExecuteAsync(context.HttpContext);
            };
        });
}
