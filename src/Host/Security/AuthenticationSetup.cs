using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using VmwareMcp.Host.Security.OAuth;

namespace VmwareMcp.Host.Security;

/// <summary>Bearer authentication, and a fallback policy so nothing is served anonymously by accident.</summary>
internal static class AuthenticationSetup
{
    public static IServiceCollection AddBearerTokens(this IServiceCollection services, Configuration.HostSettings settings)
    {
        services.AddSingleton<SessionTokenStore>();
        var authentication = services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, _ => { });
        if (settings.OAuth is { } oauth)
        {
            authentication.AddOAuthResourceServer(oauth);
        }

        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ForbiddenProblemHandler>();
        var builder = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(Scope.Read)).Build())
            .AddPolicy(TokenExchangeEndpoint.ApiKeyPolicy, p => p.RequireClaim(BearerTokenHandler.TokenKindClaim, BearerTokenHandler.ApiKeyKind));
        foreach (var scope in Enum.GetValues<Scope>())
        {
            builder.AddPolicy(scope.Name(), p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
        }

        return services;
    }

    /// <summary>Makes the request's principal the <see cref="Caller"/> for code below the endpoint.</summary>
    public static IApplicationBuilder UseCaller(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            using (Caller.Use(context.User))
            {
                await next(context);
            }
        });
}
