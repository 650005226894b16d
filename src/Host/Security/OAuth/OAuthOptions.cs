using System.Net;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Security.OAuth;

/// <summary>
/// The <c>oauth:</c> section: this host as an OAuth 2.1 resource server (the MCP authorization spec),
/// accepting JWT access tokens from one issuer beside the static tokens.
/// </summary>
public sealed record OAuthOptions
{
    /// <summary><c>oauth.issuer</c>: the authorization server; its metadata and JWKS are read from here.</summary>
    /// <remarks>Kept as written: tokens' <c>iss</c> must equal it to the character (a trailing slash counts).</remarks>
    public required string Issuer { get; init; }

    /// <summary><c>oauth.audience</c>: this server's resource identifier (RFC 8707), which tokens must carry in <c>aud</c>.</summary>
    public required string Audience { get; init; }

    /// <summary><c>oauth.scopes.read</c>, <c>.operate</c>, <c>.admin</c>: the token scope values granting each of the host's scopes.</summary>
    public required IReadOnlyDictionary<Scope, string> Scopes { get; init; }

    /// <summary><c>oauth.targets_claim</c>: the claim listing the targets a token may touch; absent in a token means all.</summary>
    public required string TargetsClaim { get; init; }

    /// <summary>Plain-http metadata is fetched only from a loopback issuer (a test or a sidecar), never over a network.</summary>
    public bool IssuerIsLoopbackHttp =>
        Uri.TryCreate(Issuer, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address);

    /// <summary>Reads the section; null when there is none.</summary>
    internal static OAuthOptions? Read(SettingReader reader)
    {
        if (!reader.Has("oauth"))
        {
            return null;
        }

        var issuerText = reader.RequiredString("oauth:issuer", "the authorization server's issuer URL, such as https://login.example.com/realms/vsphere");
        if (!Uri.TryCreate(issuerText, UriKind.Absolute, out var issuer) || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp))
        {
            throw reader.Error("oauth:issuer", $"expected an https URL, found '{issuerText}'");
        }

        var audience = reader.RequiredString("oauth:audience", "this server's resource URL as clients reach it, such as https://vmwaremcp.example.com/mcp");
        var options = new OAuthOptions
        {
            Issuer = issuerText,
            Audience = audience,
            Scopes = Enum.GetValues<Scope>().ToDictionary(s => s, s => reader.String($"oauth:scopes:{s.Name()}") ?? $"vmwaremcp.{s.Name()}"),
            TargetsClaim = reader.String("oauth:targets_claim") ?? "vmwaremcp_targets",
        };
        if (issuer.Scheme == Uri.UriSchemeHttp && !options.IssuerIsLoopbackHttp)
        {
            throw reader.Error("oauth:issuer", $"'{issuerText}' is plain http: keys fetched over it could be forged; use https (plain http is accepted only from a loopback address)");
        }

        return options;
    }
}
