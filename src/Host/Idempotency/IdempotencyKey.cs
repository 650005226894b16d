using System.Security.Cryptography;
using System.Text;

namespace VmwareMcp.Host.Idempotency;

/// <summary>
/// A caller's idempotency key (REST <c>Idempotency-Key</c> header, MCP <c>request_id</c> argument): checked,
/// scoped to the caller so two tokens never share outcomes, and a request's fingerprint to tell a retry from
/// another request under the same key.
/// </summary>
internal static class IdempotencyKey
{
    public const int MaxLength = 255;

    /// <summary>Why <paramref name="key"/> cannot be used, or null when it can.</summary>
    public static string? Problem(string key, string name) =>
        key.Length is 0 or > MaxLength || key.Any(c => c is < '!' or > '~')
            ? $"{name} must be 1-{MaxLength} printable ASCII characters without spaces"
            : null;

    /// <summary>The key as stored: the caller's name and the surface, then the caller's key.</summary>
    public static string Scoped(string surface, string key) =>
        $"{Security.Caller.Current?.Identity?.Name ?? "-"}\n{surface}\n{key}";

    /// <summary>A digest of what the request asks for.</summary>
    public static string Fingerprint(params ReadOnlySpan<byte[]> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(BitConverter.GetBytes(part.Length));
            hash.AppendData(part);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
