using System.Reflection;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Host.Errors;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// Audits every REST route that can change something (any method but GET and HEAD), the host's and
/// plugins' alike, from its bound arguments: the <c>started</c> record is written before the handler runs
/// (503 naming the audit log, and nothing done, when it cannot be), how it ended after. The change runs to
/// its end even if the client leaves, so the record says what vSphere did, not what the connection did.
/// </summary>
internal static class AuditEndpointFilter
{
    /// <summary>Where a change's task ids wait for the problem details of an answer whose outcome is unknown.</summary>
    public const string UnknownTasksItem = "vmcp:unknown-tasks";

    public static TBuilder AuditChanges<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var parameters = factory.MethodInfo.GetParameters();
            return context => HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)
                ? next(context)
                : AuditAsync(context, parameters, next);
        });

    private static async ValueTask<object?> AuditAsync(EndpointFilterInvocationContext context, ParameterInfo[] parameters, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var arguments = AuditArguments.OfEndpoint(parameters, context.Arguments, http.RequestServices);
        var handedOff = http.Items.ContainsKey(HandOff.RouteHandOff.HandedOffItem); // Then the request may be gone when the change ends.
        var dryRun = string.Equals(http.Request.Query["dry_run"], "true", StringComparison.OrdinalIgnoreCase);
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<VmwareMcp.Abstractions.Policy.PolicyAttribute>();
        using var audit = new ChangeAudit(http.RequestServices, http.User, "rest",
            ChangeAudit.RestOperation(http.Request.Method, http.GetEndpoint(), http.Request.Path.Value), http.Request.Query[policy?.Target ?? "target"].FirstOrDefault(), arguments, policy);
        audit.Approved(http.Items[Approvals.ApprovalHeader.Item] as Approvals.Approval);
        AuditMiddleware.MarkAudited(http);
        try
        {
            await audit.StartAsync(http.RequestAborted);
        }
        catch (AuditUnavailableException ex)
        {
            throw new HypervisorException(HypervisorErrorKind.Unavailable, ex.Message);
        }

        for (var i = 0; i < parameters.Length && i < context.Arguments.Count; i++)
        {
            if (parameters[i].ParameterType == typeof(CancellationToken))
            {
                context.Arguments[i] = CancellationToken.None; // Each vSphere call is still bounded by operation_timeout_seconds.
            }
        }

        try
        {
            var result = await next(context);
            await audit.EndAsync(dryRun ? "preview" : "ok", result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK, null);
            return result;
        }
        catch (Exception ex)
        {
            var outcome = ChangeAudit.OutcomeOf(ex, audit.Tasks);
            if (outcome == "unknown" && !handedOff)
            {
                http.Items[UnknownTasksItem] = audit.Tasks.ToList();
            }

            await audit.EndAsync(outcome, ex is HypervisorException hx ? ErrorStatus.For(hx.Kind) : StatusCodes.Status500InternalServerError, ex.Message);
            throw;
        }
    }
}
