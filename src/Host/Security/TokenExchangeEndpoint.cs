using System.Text.Json.Serialization;

namespace VmwareMcp.Host.Security;

/// <summary><c>POST /api/v1/auth/token_exchange</c>: trades a configured token for a short-lived session token with the same rights.</summary>
internal static class TokenExchangeEndpoint
{
    public const string ApiKeyPolicy = "api_key";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/token_exchange", (HttpContext context, SessionTokenStore sessions) =>
                new TokenExchangeResponse(sessions.Issue(BearerTokenHandler.GrantOf(context)!), "Bearer", (int)sessions.Lifetime.TotalSeconds))
            .RequireAuthorization(ApiKeyPolicy)
            .WithName("token_exchange")
            .WithSummary("Exchange a token for a short-lived session token with the same rights");

    /// <summary>The response body.</summary>
    /// <param name="AccessToken">The session token.</param>
    /// <param name="TokenType">Always <c>Bearer</c>.</param>
    /// <param name="ExpiresIn">Seconds until it expires.</param>
    internal sealed record TokenExchangeResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
