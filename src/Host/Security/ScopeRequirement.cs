using Microsoft.AspNetCore.Authorization;

namespace VmwareMcp.Host.Security;

/// <summary>A route needs at least this scope; the policy names are the scopes' names.</summary>
/// <param name="Scope">The scope needed.</param>
internal sealed record ScopeRequirement(Scope Scope) : IAuthorizationRequirement;

/// <summary>Grants <see cref="ScopeRequirement"/> when the caller's scope is at least the one asked.</summary>
internal sealed class ScopeAuthorizationHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && CallerScopes.Of(context.User) >= requirement.Scope)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
