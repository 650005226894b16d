using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Host.Security.OAuth;

namespace VmwareMcp.Host.Security;

/// <summary>
/// Accepts <c>Authorization: Bearer</c> with a configured token or a session token from token_exchange.
/// </summary>
/// <remarks>
/// The principal's name is the token's <em>name</em> (never the token), which request and audit logs show.
/// Its claims carry the scope and the targets it may touch. Stateful MCP sessions need a NameIdentifier
/// claim, so every principal carries one. Every configured hash is compared, in constant time.
/// </remarks>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    HostSettings settings,
    SessionTokenStore sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";
    public const string TokenKindClaim = "vmcp:token_kind";
    public const string ApiKeyKind = "api_key";
    public const string OAuthKind = "oauth";

    private static readonly TokenGrant Anonymous = new("anonymous", [], Scope.Admin, []);

    /// <summary>The grant a request authenticated with, for token_exchange to hand on.</summary>
    public static TokenGrant? GrantOf(HttpContext context) => context.Items[typeof(TokenGrant)] as TokenGrant;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return settings.AllowAnonymous ? Success(Anonymous, ApiKeyKind) : AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("the Authorization header must be 'Bearer <token>'");
        }

        var token = header["Bearer ".Length..].Trim();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        TokenGrant? match = null;
        foreach (var grant in settings.Tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, grant.Sha256))
            {
                match = grant;
            }
        }

        if (match is not null)
        {
            return Success(match, ApiKeyKind);
        }

        if (sessions.Find(token) is { } sessionGrant)
        {
            return Success(sessionGrant with { Name = sessionGrant.Name + ":session" }, "session");
        }

        return settings.OAuth is { } oauth ? await AuthenticateAccessTokenAsync(oauth) : AuthenticateResult.Fail("the token is not valid or has expired");
    }

    /// <summary>Neither a static nor a session token: an OAuth access token, validated by the JwtBearer scheme.</summary>
    private async Task<AuthenticateResult> AuthenticateAccessTokenAsync(OAuthOptions oauth)
    {
        var result = await Context.AuthenticateAsync(OAuthSetup.SchemeName);
        if (!result.Succeeded)
        {
            return AuthenticateResult.Fail(OAuthGrants.Describe(result.Failure, oauth));
        }

        return OAuthGrants.From(result.Principal, oauth) is { } grant
            ? Success(grant, OAuthKind)
            : AuthenticateResult.Fail($"the access token grants none of the scopes {string.Join(", ", oauth.Scopes.Values)}");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // With OAuth on, every challenge says where the metadata is, which is how MCP clients find the issuer.
        var metadata = settings.OAuth is { } oauth ? $"resource_metadata=\"{OAuthSetup.MetadataUrl(oauth)}\"" : null;
        var error = result.Failure is null ? null : "error=\"invalid_token\"";
        var parameters = string.Join(", ", new[] { error, metadata }.OfType<string>());
        Response.Headers.WWWAuthenticate = parameters.Length == 0 ? "Bearer" : "Bearer " + parameters;
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: result.Failure?.Message ?? "send 'Authorization: Bearer <access_token>'").ExecuteAsync(Context);
    }

    private AuthenticateResult Success(TokenGrant grant, string kind)
    {
        Context.Items[typeof(TokenGrant)] = grant;
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, grant.Name),
            new(ClaimTypes.NameIdentifier, grant.Name),
            new(TokenKindClaim, kind),
            new(CallerScopes.ScopeClaim, grant.Scope.Name()),
        };
        claims.AddRange(grant.Targets.Select(t => new Claim(CallerScopes.TargetClaim, t)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
