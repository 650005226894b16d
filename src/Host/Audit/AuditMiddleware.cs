using System.Diagnostics;
using System.Text.Json.Nodes;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// Audits every REST request that can change something (any method but GET under <c>/api/v1</c>), allowed or
/// refused. It runs before authorization so refusals are seen, and writes when the response starts, so
/// the record is on disk before the caller has the answer.
/// </summary>
internal static class AuditMiddleware
{
    public const string ErrorItem = "vmcp:audit-error";
    private const int MaxBodyBytes = 64 * 1024;

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

            var started = Stopwatch.GetTimestamp();
            using var trail = VmwareMcp.Abstractions.Providers.TaskTrail.Begin(out var tasks);
            var body = await ReadBodyAsync(request);
            var arguments = new JsonObject();
            foreach (var (key, value) in request.Query)
            {
                arguments[key] = value.ToString();
            }

            foreach (var (key, value) in request.RouteValues)
            {
                arguments[key] = value?.ToString();
            }

            if (body is JsonObject bodyObject)
            {
                foreach (var (key, value) in bodyObject.ToList())
                {
                    bodyObject.Remove(key);
                    arguments[key] = value;
                }
            }

            var targets = context.RequestServices.GetRequiredService<Targets.TargetProviders>();
            var target = request.Query["target"].FirstOrDefault();
            var before = request.Path.StartsWithSegments("/api/v1/vms")
                ? await VmState.ReadAsync(targets, context.User, target, VmState.SubjectBefore(arguments), context.RequestAborted)
                : null;
            context.Response.OnStarting(async () =>
            {
                var status = context.Response.StatusCode;
                var preview = string.Equals(request.Query["dry_run"], "true", StringComparison.OrdinalIgnoreCase);
                var outcome = status < 300 ? preview ? "preview" : "ok" : status is 401 or 403 or (>= 400 and < 500) ? "refused" : "failed";
                var after = outcome == "ok" && request.Path.StartsWithSegments("/api/v1/vms")
                    ? await VmState.ReadAsync(targets, context.User, target, VmState.SubjectAfter(arguments), context.RequestAborted)
                    : null;
                context.RequestServices.GetRequiredService<AuditLog>().Write(new AuditRecord(
                    DateTimeOffset.UtcNow,
                    context.User.Identity?.Name ?? "-",
                    "rest",
                    $"{request.Method} {context.GetEndpoint()?.DisplayName ?? request.Path.Value}",
                    request.Query["target"].FirstOrDefault(),
                    (arguments["vm_identifier"] ?? arguments["source_identifier"] ?? arguments["vm_label"] ?? arguments["id"])?.ToString(),
                    arguments,
                    outcome,
                    status,
                    context.Items[ErrorItem] as string,
                    (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    [.. tasks],
                    before,
                    after));
            });

            await next(context);
        });

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        // Chunked bodies have no length; Kestrel's body size limit still bounds them.
        if (request.ContentLength is 0 or > MaxBodyBytes || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        request.EnableBuffering();
        try
        {
            var node = await JsonNode.ParseAsync(request.Body);
            if (node is JsonObject obj)
            {
                _ = obj.Count; // JsonObject builds its dictionary lazily; duplicate keys throw here, not later.
            }

            return node;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or BadHttpRequestException or ArgumentException)
        {
            return null; // The endpoint reports the bad body (duplicate keys included); the audit keeps what it can.
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
