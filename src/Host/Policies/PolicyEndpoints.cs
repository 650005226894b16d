using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Policy;

namespace VmwareMcp.Host.Policies;

/// <summary>
/// <c>GET /api/v1/policies</c> (admin): the rules in force; <c>POST /api/v1/policies/reload</c>: read them again
/// from the configuration without a restart. A reload with an error is a 400 naming the file and key, and the
/// rules in force stay.
/// </summary>
internal static class PolicyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/policies", (PolicyRuleSet rules) => rules.Status())
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Changes = false })
            .WithName("list_policies").WithSummary("The policy rules in force, in order, when they were read, and why the last reload was refused");
        api.MapPost("/policies/reload", (PolicyRuleSet rules) =>
                rules.Reload() is { LastError: { } error }
                    ? throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"the rules were not reloaded, those in force stay: {error}")
                    : rules.Status())
            .WithMetadata(new PolicyAttribute(AccessScope.Admin))
            .WithName("reload_policies").WithSummary("Read policies: and protected_vms: again from the configuration; an error keeps the rules in force (400 naming the key)");
    }
}
