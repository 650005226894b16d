using System.Text.Json.Serialization;

namespace VmwareMcp.Host.Security.OAuth;

/// <summary>OAuth 2.0 Protected Resource Metadata (RFC 9728), as MCP clients read it to find the authorization server.</summary>
internal sealed record ProtectedResourceDocument
{
    [JsonPropertyName("resource")]
    public required string Resource { get; init; }

    [JsonPropertyName("authorization_servers")]
    public required IReadOnlyList<string> AuthorizationServers { get; init; }

    [JsonPropertyName("scopes_supported")]
    public required IReadOnlyList<string> ScopesSupported { get; init; }

    [JsonPropertyName("bearer_methods_supported")]
    public IReadOnlyList<string> BearerMethodsSupported { get; } = ["header"];

    [JsonPropertyName("resource_name")]
    public string ResourceName { get; } = "VmwareMcp";
}
