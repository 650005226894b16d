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
            BadHttpRequestException { InnerException: JsonException json } bad => (bad.StatusCode, "Bad request", await DescribeAsync(httpContext, json), null),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message, null),
            JsonException json => (StatusCodes.Status400BadRequest, "Bad request", await DescribeAsync(httpContext, json), null),
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

        if (httpContext.Items[Audit.AuditEndpointFilter.UnknownTasksItem] is List<string> tasks)
        {
            // The change's end is unknown: name its tasks so the caller can look them up (GET /api/v1/tasks/{id}).
            problem.Extensions["tasks"] = tasks;
            problem.Detail += $" The outcome of task(s) {string.Join(", ", tasks)} is unknown: look them up with GET /api/v1/tasks/{{id}}.";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The JSON error in the caller's terms, from the body as sent when it was kept (see the audit).</summary>
    private static async Task<string> DescribeAsync(HttpContext context, JsonException error)
    {
        System.Text.Json.Nodes.JsonNode? body = null;
        var request = context.Request;
        if (request.Body.CanSeek)
        {
            try
            {
                request.Body.Position = 0;
                body = await System.Text.Json.Nodes.JsonNode.ParseAsync(request.Body);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or IOException)
            {
                body = null; // Not JSON at all: the deserializer's position says where.
            }
        }

        // The exception handler runs with the endpoint cleared; the feature keeps the one that failed.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        return JsonBodyError.Describe(error, bodyType, body);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
