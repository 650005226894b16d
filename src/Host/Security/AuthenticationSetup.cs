using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace VmwareMcp.Host.Security;

/// <summary>Bearer authentication, and a fallback policy so nothing is served anonymously by accident.</summary>
internal static class AuthenticationSetup
{
    public static IServiceCollection AddBearerTokens(this IServiceCollection services)
    {
        services.AddSingleton<SessionTokenStore>();
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(TokenExchangeEndpoint.ApiKeyPolicy, p => p.RequireClaim(BearerTokenHandler.TokenKindClaim, BearerTokenHandler.ApiKeyKind));
        return services;
    }
}
