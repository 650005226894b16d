using VmwareMcp.Host.Audit;
using VmwareMcp.Host.HandOff;
using VmwareMcp.Host.Security;

namespace VmwareMcp.Host.Api;

/// <summary>
/// The one policy boundary every REST route passes, the host's and every plugin's, in this order: a token
/// with at least the read scope; the route's declared policy (scope, read-only, rules, previews);
/// <c>?wait=false</c> hand-off; the audit, which encloses the change itself.
/// </summary>
internal static class RouteBoundary
{
    public static RouteGroupBuilder WithPolicyBoundary(this RouteGroupBuilder group) =>
        group.RequireAuthorization(Scope.Read.Name()).EnforcePolicy().HandOffChanges().AuditChanges();
}
