using System.Text.Json.Nodes;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// Audits the REST requests that could change something but never reached their endpoint (no token, no
/// scope, a rate limit, a body refused before binding): one record with the status the caller got, written
/// when the response starts. Requests that reach an endpoint are audited by <see cref="AuditEndpointFilter"/>.
/// Nothing was done for these, so the record may name what the body asked for: its top-level members are
/// kept when the body is valid JSON text (checked as bytes first, see <see cref="Api.JsonTextCheck"/>).
/// </summary>
internal static class AuditMiddleware
{
    public const string ErrorItem = "vmcp:audit-error";
    private const string AuditedItem = "vmcp:audited";
    private const int MaxBodyBytes = 64 * 1024;

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

            if (request.ContentLength is null or (> 0 and <= MaxBodyBytes) && request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                request.EnableBuffering(); // So a refusal's record can say what was asked; see WriteRefusalAsync.
            }

            context.Response.OnStarting(() => context.Items.ContainsKey(AuditedItem) ? Task.CompletedTask : WriteRefusalAsync(context));
            await next(context);
        });

    private static async Task WriteRefusalAsync(HttpContext context)
    {
        var request = context.Request;
        try
        {
            var arguments = await BodyMembersAsync(request) ?? new JsonObject();
            foreach (var (key, value) in request.Query)
            {
                arguments[key] = value.ToString();
            }

            foreach (var (key, value) in request.RouteValues)
            {
                arguments[key] = value?.ToString();
            }

            var status = context.Response.StatusCode;
            var held = context.Items[Approvals.ApprovalHeader.Item] is Approvals.Approval { State: "pending" } pending ? pending : null;
            // After an exception the handler clears the endpoint; its feature keeps the one that refused.
            var endpoint = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
            await context.RequestServices.GetRequiredService<IAuditStore>().WriteAsync(new AuditRecord(
                DateTimeOffset.UtcNow, context.User.Identity?.Name ?? "-", "rest", ChangeAudit.RestOperation(request.Method, endpoint, request.Path.Value),
                request.Query["target"].FirstOrDefault(), AuditArguments.Subject(arguments, endpoint?.Metadata.GetMetadata<VmwareMcp.Abstractions.Policy.PolicyAttribute>()), arguments,
                held is not null ? "pending" : status < 500 ? "refused" : "failed", status, context.Items[ErrorItem] as string, 0, Approval: held?.Id), CancellationToken.None);
        }
        catch (Exception ex) when (ex is AuditUnavailableException or InvalidOperationException or IOException)
        {
            // Nothing was done for this request; an exception here would reset the stream instead of answering.
            context.RequestServices.GetRequiredService<ILogger<IAuditStore>>().LogError(ex, "A refused {Method} {Path} could not be audited", request.Method, request.Path);
        }
    }

    /// <summary>The body's top-level members, when it was kept and is valid JSON text; else null.</summary>
    private static async Task<JsonObject?> BodyMembersAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek)
        {
            return null;
        }

        request.Body.Position = 0;
        var bytes = new byte[MaxBodyBytes + 1];
        var read = await request.Body.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false);
        request.Body.Position = 0;
        if (read > MaxBodyBytes || Api.JsonTextCheck.Problem(bytes.AsSpan(0, read)) is not null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes.AsSpan(0, read)) is JsonObject body ? new JsonObject(body.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // Duplicate keys, for example: the record keeps the query and route values.
        }
    }
}
