using System.Collections.Concurrent;
using System.Security.Cryptography;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Security;

/// <summary>
/// Short-lived tokens issued by <c>token_exchange</c>, kept only as SHA-256 hashes; each carries the rights
/// of the token it was exchanged for.
/// </summary>
internal sealed class SessionTokenStore(HostSettings settings, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expiry, TokenGrant Grant)> _sessions = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => settings.SessionTokenLifetime;

    public string Issue(TokenGrant grant)
    {
        var now = time.GetUtcNow();
        foreach (var (hash, session) in _sessions)
        {
            if (session.Expiry <= now)
            {
                _sessions.TryRemove(hash, out _);
            }
        }

        var token = "vmcp_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        _sessions[Hash(token)] = (now + Lifetime, grant);
        return token;
    }

    public TokenGrant? Find(string token) =>
        _sessions.TryGetValue(Hash(token), out var session) && time.GetUtcNow() < session.Expiry ? session.Grant : null;

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
