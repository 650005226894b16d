using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Security;

/// <summary>
/// Accepts <c>Authorization: Bearer</c> with the configured API key or a session token from token_exchange.
/// </summary>
/// <remarks>
/// The principal's name is the token's <em>name</em> (never the token), which request logs show. Stateful
/// MCP sessions need a NameIdentifier claim, so every principal carries one.
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

    private readonly byte[]? _apiKeyHash = settings.AccessToken is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(settings.AccessToken));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(settings.AllowAnonymous ? Success("anonymous", ApiKeyKind) : AuthenticateResult.NoResult());
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("the Authorization header must be 'Bearer <token>'"));
        }

        var token = header["Bearer ".Length..].Trim();
        if (_apiKeyHash is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), _apiKeyHash))
        {
            return Task.FromResult(Success("access_token", ApiKeyKind));
        }

        if (sessions.IsValid(token))
        {
            return Task.FromResult(Success("session:" + SessionTokenStore.Hash(token)[..12].ToLowerInvariant(), "session"));
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

    private AuthenticateResult Success(string name, string kind)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.NameIdentifier, name), new Claim(TokenKindClaim, kind)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
