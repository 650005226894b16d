using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace VmwareMcp.Host.Security.OAuth;

/// <summary>
/// Registers JWT access-token validation (ASP.NET Core's JwtBearer: signature from the issuer's JWKS,
/// issuer, audience, lifetime) as a scheme the host's bearer handler asks after the static tokens, and
/// serves the Protected Resource Metadata (RFC 9728) that sends MCP clients to the issuer.
/// </summary>
internal static class OAuthSetup
{
    public const string SchemeName = "oauth";

    /// <summary>RFC 9728's well-known path.</summary>
    public const string MetadataPath = "/.well-known/oauth-protected-resource";

    public static void AddOAuthResourceServer(this Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, OAuthOptions oauth) =>
        authentication.AddJwtBearer(SchemeName, jwt =>
        {
            jwt.Authority = oauth.Issuer;
            jwt.RequireHttpsMetadata = !oauth.IssuerIsLoopbackHttp;
            // Claims keep the names the issuer gave them (scope, sub, client_id), not WS-Federation URIs.
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = oauth.Issuer,
                ValidAudience = oauth.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });

    /// <summary>Where a client finds the metadata of <paramref name="oauth"/>'s resource: the well-known path inserted before the resource's path.</summary>
    public static string MetadataUrl(OAuthOptions oauth)
    {
        var resource = new Uri(oauth.Audience);
        return resource.GetLeftPart(UriPartial.Authority) + MetadataPath + resource.AbsolutePath.TrimEnd('/');
    }

    /// <summary>Serves the metadata at the well-known path, alone and with the resource's path after it.</summary>
    public static void MapProtectedResourceMetadata(this IEndpointRouteBuilder app, OAuthOptions oauth)
    {
        var document = new ProtectedResourceDocument
        {
            Resource = oauth.Audience,
            AuthorizationServers = [oauth.Issuer],
            ScopesSupported = [.. oauth.Scopes.OrderBy(s => s.Key).Select(s => s.Value)],
        };
        app.MapGet(MetadataPath, () => Results.Json(document)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(MetadataPath + "/{**resource}", () => Results.Json(document)).AllowAnonymous().ExcludeFromDescription();
    }
}
