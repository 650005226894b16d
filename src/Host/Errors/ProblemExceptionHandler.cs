using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Host.Errors;

/// <summary>
/// Turns exceptions that reach the REST pipeline into ProblemDetails: domain errors with their status,
/// malformed requests as 400; anything else is a 500 without internals (and is logged as a bug).
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, fault) = exception switch
        {
            HypervisorException hx => (ErrorStatus.For(hx.Kind), hx.Kind.ToString(), hx.Message, hx.Fault),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.InnerException is JsonException json ? $"malformed JSON body: {json.Message}" : bad.Message, null),
            JsonException json => (StatusCodes.Status400BadRequest, "Bad request", $"malformed JSON body: {json.Message}", null),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", "the client went away", null),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "an unexpected error occurred; the host log has the details", (string?)null),
        };

        if (status >= 500 && exception is not HypervisorException)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Items[Audit.AuditMiddleware.ErrorItem] = detail;
        httpContext.Response.StatusCode = status;
        if (exception is HypervisorException { RetryAfter: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (fault is not null)
        {
            problem.Extensions["fault"] = fault;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
