using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Api;

/// <summary>
/// One deadline for a whole read (<c>request_timeout_seconds</c>): the waits for a free slot toward the
/// endpoint and every vSphere call it makes share it, after which the answer is a 503 with Retry-After,
/// not a wait of minutes. Changes are not cut short (a change stopped half way would leave its outcome
/// unknown); each of their vSphere calls is bounded by <c>operation_timeout_seconds</c>.
/// </summary>
internal static class RequestDeadline
{
    private const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseRequestDeadline(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.StartsWithSegments("/mcp") || IsStream(context))
            {
                await next(context);
                return;
            }

            var limit = context.RequestServices.GetRequiredService<HostSettings>().RequestTimeout;
            var client = context.RequestAborted;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(client);
            deadline.CancelAfter(limit);
            context.RequestAborted = deadline.Token;
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !client.IsCancellationRequested && !context.Response.HasStarted)
            {
                context.RequestAborted = client;
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = 503,
                        Title = "Unavailable",
                        Detail = $"the request did not finish within {limit.TotalSeconds:0} s (request_timeout_seconds): the target is slow or busy; retry after {RetryAfterSeconds} s",
                    },
                });
            }
        });

    /// <summary>Event streams are meant to stay open.</summary>
    private static bool IsStream(HttpContext context) =>
        context.Request.Path.Value?.EndsWith("/stream", StringComparison.Ordinal) == true
        || context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.Ordinal);
}
