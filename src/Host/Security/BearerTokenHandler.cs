using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VmwareMcp.Host.Configuration;

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

    private static readonly TokenGrant Anonymous = new("anonymous", [], Scope.Admin, []);

    /// <summary>The grant a request authenticated with, for token_exchange to hand on.</summary>
    public static TokenGrant? GrantOf(HttpContext context) => context.Items[typeof(TokenGrant)] as TokenGrant;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(settings.AllowAnonymous ? Success(Anonymous, ApiKeyKind) : AuthenticateResult.NoResult());
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("the Authorization header must be 'Bearer <token>'"));
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
            return Task.FromResult(Success(match, ApiKeyKind));
        }

        if (sessions.Find(token) is { } sessionGrant)
        {
            return Task.FromResult(Success(sessionGrant with { Name = sessionGrant.Name + ":session" }, "session"));
        }

        return Task.FromResult(AuthenticateResult.Fail("the token is not valid or has expired"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
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
