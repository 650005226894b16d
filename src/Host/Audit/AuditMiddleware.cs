using System.Text.Json.Nodes;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// Audits the REST requests that could change something but never reached their endpoint (no token, no
/// scope, a rate limit, a body refused before binding): one record with the status the caller got, written
/// when the response starts. Requests that reach an endpoint are audited by <see cref="AuditEndpointFilter"/>.
/// Only the query and route values are kept here; the body is never parsed outside the endpoint.
/// </summary>
internal static class AuditMiddleware
{
    public const string ErrorItem = "vmcp:audit-error";
    private const string AuditedItem = "vmcp:audited";

    /// <summary>Marks a request whose endpoint filter keeps its records.</summary>
    public static void MarkAudited(HttpContext context) => context.Items[AuditedItem] = true;

    public static IApplicationBuilder UseAudit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !request.Path.StartsWithSegments("/api/v1")
                || request.Path.StartsWithSegments("/api/v1/auth"))
            {
                await next(context);
                return;
            }

            context.Response.OnStarting(() =>
            {
                if (!context.Items.ContainsKey(AuditedItem))
                {
                    WriteRefusal(context);
                }

                return Task.CompletedTask;
            });
            await next(context);
        });

    private static void WriteRefusal(HttpContext context)
    {
        var request = context.Request;
        try
        {
            var arguments = new JsonObject();
            foreach (var (key, value) in request.Query)
            {
                arguments[key] = value.ToString();
            }

            foreach (var (key, value) in request.RouteValues)
            {
                arguments[key] = value?.ToString();
            }

            var status = context.Response.StatusCode;
            context.RequestServices.GetRequiredService<AuditLog>().Write(new AuditRecord(
                DateTimeOffset.UtcNow, context.User.Identity?.Name ?? "-", "rest", $"{request.Method} {context.GetEndpoint()?.DisplayName ?? request.Path.Value}",
                request.Query["target"].FirstOrDefault(), AuditArguments.Subject(arguments), arguments,
                status < 500 ? "refused" : "failed", status, context.Items[ErrorItem] as string, 0));
        }
        catch (Exception ex) when (ex is AuditUnavailableException or InvalidOperationException)
        {
            // Nothing was done for this request; an exception here would reset the stream instead of answering.
            context.RequestServices.GetRequiredService<ILogger<AuditLog>>().LogError(ex, "A refused {Method} {Path} could not be audited", request.Method, request.Path);
        }
    }
}
