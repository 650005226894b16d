using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace VmwareMcp.Host.Security.OAuth;

/// <summary>Turns a validated access token into the host's grant (name, scope, targets), and a refused one into a sentence.</summary>
internal static class OAuthGrants
{
    /// <summary>The grant of a validated token; null when it carries none of the configured scope values.</summary>
    public static TokenGrant? From(ClaimsPrincipal token, OAuthOptions oauth)
    {
        // "scope" is a space-separated string (RFC 9068); some issuers send "scp" as an array instead.
        var granted = token.FindAll("scope").Concat(token.FindAll("scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var scopes = oauth.Scopes.Where(s => granted.Contains(s.Value)).Select(s => s.Key).ToList();
        if (scopes.Count == 0)
        {
            return null;
        }

        var targets = token.FindAll(oauth.TargetsClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        // The audit log names who acted: a person's user name where the issuer gives one, else the client.
        var who = token.FindFirst("preferred_username")?.Value ?? token.FindFirst("email")?.Value
            ?? token.FindFirst("client_id")?.Value ?? token.FindFirst("sub")?.Value ?? "unknown";
        return new TokenGrant("oauth:" + who, [], scopes.Max(), targets);
    }

    /// <summary>Why a token was refused, in words a client author can act on (the library's own hide values as PII).</summary>
    public static string Describe(Exception? failure, OAuthOptions oauth) => failure switch
    {
        SecurityTokenExpiredException expired => $"the access token expired at {expired.Expires:u}; get a new one from {oauth.Issuer}",
        SecurityTokenNotYetValidException => "the access token is not valid yet (nbf is in the future)",
        SecurityTokenInvalidAudienceException => $"the access token is for another resource: its aud must be {oauth.Audience} (ask {oauth.Issuer} with resource={oauth.Audience})",
        SecurityTokenInvalidIssuerException => $"the access token was not issued by {oauth.Issuer}",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => $"the access token's signature does not verify against the keys of {oauth.Issuer}",
        SecurityTokenMalformedException => "the access token is neither a configured token nor a well-formed JWT",
        null => "the token is not valid or has expired",
        _ => $"the access token was refused ({failure.GetType().Name}): {failure.Message}",
    };
}
