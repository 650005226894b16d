using System.Text.Json;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Host.Security;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.Api;

/// <summary>
/// The REST side of the one policy boundary, for the host's routes and every plugin's, from the route's
/// declared <see cref="PolicyAttribute"/> (a route without one changes state when its method is not GET):
/// the declared scope is required; a change is refused on a read-only target; a destructive route that
/// does not preview on its own answers <c>?dry_run=true</c> with a preview and does nothing.
/// </summary>
internal static class RoutePolicyFilter
{
    public static TBuilder EnforcePolicy<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var previewsItself = factory.MethodInfo.GetParameters().Any(p => p.Name == "dry_run");
            var parameters = factory.MethodInfo.GetParameters();
            return async context =>
            {
                var http = context.HttpContext;
                var policy = http.GetEndpoint()?.Metadata.GetMetadata<PolicyAttribute>();
                var changes = policy?.Changes ?? !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
                if (policy is not null && policy.Needed() > CallerScopes.Of(http.User))
                {
                    throw new HypervisorException(HypervisorErrorKind.Forbidden,
                        $"the token '{http.User.Identity?.Name}' lacks the '{policy.Needed().Name()}' scope that {http.Request.Method} {http.Request.Path} needs; ask for a token with it");
                }

                var name = http.Request.Query[policy?.Target ?? "target"].FirstOrDefault();
                if (changes && http.RequestServices.GetRequiredService<TargetProviders>().OptionsOf(name) is { ReadOnly: true } target)
                {
                    throw new HypervisorException(HypervisorErrorKind.Forbidden,
                        $"target '{target.Name}' is read-only (read_only: true in the configuration); nothing was changed");
                }

                System.Text.Json.Nodes.JsonObject? bound = null;
                var rules = http.RequestServices.GetRequiredService<Policies.CallPolicy>();
                Policies.PolicyVerdict? verdict = null;
                if (rules.Active)
                {
                    var declared = policy ?? new PolicyAttribute(changes ? AccessScope.Operate : AccessScope.Read);
                    var operation = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? $"{http.Request.Method} {http.Request.Path}";
                    verdict = await rules.EnforceAsync(operation, declared, http.User.Identity?.Name, name, Subject(declared.Subject), Subject(declared.Creates), http.RequestAborted);
                }

                var dryRun = string.Equals(http.Request.Query["dry_run"], "true", StringComparison.OrdinalIgnoreCase);
                if (policy?.Destructive == true && !previewsItself && dryRun)
                {
                    return Results.Ok(Policies.PolicyVerdict.Annotate(new ActionPreview
                    {
                        Action = $"{http.Request.Method} {http.Request.Path}",
                        Target = name ?? "the only target",
                        Vm = policy.Subject is { } subject ? http.Request.RouteValues[subject]?.ToString() : null,
                        Would = $"Would run {http.Request.Method} {http.Request.Path} with {JsonSerializer.Serialize(Arguments())}; call again without dry_run to do it.",
                    }, verdict));
                }

                if (dryRun && verdict is { Rule: not null })
                {
                    // A route that previews itself: its preview says which rule would apply too.
                    var answer = await next(context);
                    return answer is IValueHttpResult { Value: ActionPreview preview } ? Results.Ok(Policies.PolicyVerdict.Annotate(preview, verdict)) : answer;
                }

                if (verdict is { Rule.Effect: Policies.PolicyEffect.RequireApproval } && !dryRun)
                {
                    try
                    {
                        http.Items[Approvals.ApprovalHeader.Item] = await http.RequestServices.GetRequiredService<Approvals.ApprovalGate>().PassAsync(
                            verdict, http.User.Identity?.Name, Arguments(), Approvals.ApprovalHeader.Of(http.Request), http.RequestAborted);
                    }
                    catch (Approvals.ApprovalRequiredException held)
                    {
                        http.Items[Approvals.ApprovalHeader.Item] = held.Approval;
                        return TypedResults.Accepted($"/api/v1/approvals/{held.Approval.Id}", Approvals.ApprovalPending.Of(held.Approval));
                    }
                }

                return await next(context);

                System.Text.Json.Nodes.JsonObject Arguments() => bound ??= Audit.AuditArguments.OfEndpoint(parameters, context.Arguments, http.RequestServices);

                string? Subject(string? argument) =>
                    argument is null ? null : http.Request.RouteValues[argument]?.ToString() ?? Audit.AuditArguments.Text(Arguments()[argument]);
            };
        });
}
