using Microsoft.AspNetCore.Mvc;
using VmwareMcp.Abstractions.Policy;

namespace VmwareMcp.Host.Idempotency;

/// <summary>
/// REST: a change sent with an <c>Idempotency-Key</c> header acts once per caller and key for 24 hours. A
/// retry gets the first call's status and body (marked <c>Idempotent-Replayed: true</c>), 409 while that call
/// still runs, and 422 naming the key when the key came with another request. <c>?dry_run=true</c> calls
/// change nothing and are left alone.
/// </summary>
internal static class IdempotencyMiddleware
{
    public const string Header = "Idempotency-Key";

    /// <summary>Largest answer kept for a replay; a larger one is replayed as its status alone.</summary>
    private const int MaxKeptBytes = 1024 * 1024;

    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.Headers.TryGetValue(Header, out var values) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                || context.GetEndpoint()?.Metadata.GetMetadata<PolicyAttribute>() is not { Changes: true }
                || string.Equals(request.Query["dry_run"], "true", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var problem = values.Count == 1 ? IdempotencyKey.Problem(values[0]!, Header) : $"send one {Header} header, not {values.Count}";
            if (problem is not null)
            {
                await ProblemAsync(context, StatusCodes.Status400BadRequest, problem);
                return;
            }

            var store = context.RequestServices.GetRequiredService<IIdempotencyStore>();
            var key = IdempotencyKey.Scoped("rest", values[0]!);
            var claim = await store.ClaimAsync(key, await FingerprintAsync(request, context.RequestAborted), context.RequestAborted);
            switch (claim.State)
            {
                case IdempotencyState.Mismatch:
                    await ProblemAsync(context, StatusCodes.Status422UnprocessableEntity, $"{Header} '{values[0]}' was already used for another request; use a new key for a new request");
                    return;
                case IdempotencyState.Running:
                    context.Response.Headers.RetryAfter = "5";
                    await ProblemAsync(context, StatusCodes.Status409Conflict, $"the first request with {Header} '{values[0]}' has not ended; retry later to get its outcome");
                    return;
                case IdempotencyState.Done:
                    Audit.AuditMiddleware.MarkAudited(context); // Nothing is done: the first call's records stand.
                    context.Response.StatusCode = claim.Outcome!.Status;
                    context.Response.ContentType = claim.Outcome.ContentType;
                    context.Response.Headers["Idempotent-Replayed"] = "true";
                    if (claim.Outcome.Location is { } location)
                    {
                        context.Response.Headers.Location = location;
                    }

                    await context.Response.Body.WriteAsync(claim.Outcome.Body, context.RequestAborted);
                    return;
            }

            var kept = new KeptResponseStream(context.Response.Body, MaxKeptBytes);
            context.Response.Body = kept;
            // Stored once the answer is complete, whatever wrote it: the endpoint, or the exception handler
            // (outside this middleware) turning a failure into a problem. A retry then gets exactly that.
            // A change held for approval did nothing yet: its key stays free for the call made with the approval.
            context.Response.OnCompleted(() => context.Items[Approvals.ApprovalHeader.Item] is Approvals.Approval { State: "pending" }
                ? store.ReleaseAsync(key)
                : store.CompleteAsync(key, new StoredOutcome(context.Response.StatusCode, context.Response.ContentType, kept.Kept, context.Response.Headers.Location.FirstOrDefault())));
            await next(context);
        });

    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        request.Body.Position = 0;
        return IdempotencyKey.Fingerprint(IdempotencyKey.Utf8(request.Method), IdempotencyKey.Utf8(request.Path + request.QueryString), body.ToArray());
    }

    private static ValueTask ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), Detail = detail },
        });
    }
}
