using System.Collections.Concurrent;
using System.Security.Cryptography;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Security;

/// <summary>Short-lived tokens issued by <c>token_exchange</c>, kept only as SHA-256 hashes.</summary>
internal sealed class SessionTokenStore(HostSettings settings, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => settings.SessionTokenLifetime;

    public string Issue()
    {
        var now = time.GetUtcNow();
        foreach (var (hash, expiry) in _expiries)
        {
            if (expiry <= now)
            {
                _expiries.TryRemove(hash, out _);
            }
        }

        var token = "vmcp_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        _expiries[Hash(token)] = now + Lifetime;
        return token;
    }

    public bool IsValid(string token) =>
        _expiries.TryGetValue(Hash(token), out var expiry) && time.GetUtcNow() < expiry;

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
