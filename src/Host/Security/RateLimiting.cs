using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Security;

/// <summary>
/// Each token gets <c>rate_limit_per_minute</c> requests (anonymous callers are limited per address); past
/// that the answer is 429 with Retry-After, at once, never a queue. Health probes are not limited.
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddTokenRateLimits(this IServiceCollection services, HostSettings settings) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetTokenBucketLimiter(
                        context.User.Identity?.Name ?? "ip:" + context.Connection.RemoteIpAddress,
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
