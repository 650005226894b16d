using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Vim25;

/// <summary>Creates the one long-lived HttpClient per target, with its cookie jar and certificate policy.</summary>
internal static class VimEndpoint
{
    public static HttpClient CreateHttpClient(TargetOptions target, CookieContainer cookies)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validator(target) },
        };

        return new HttpClient(handler) { BaseAddress = target.Endpoint, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// A pinned thumbprint wins (the usual way to trust a self-signed vCenter); otherwise the chain is checked
    /// only when verify_ssl_cert is true, as the seed's default leaves it off.
    /// </summary>
    private static RemoteCertificateValidationCallback Validator(TargetOptions target)
    {
        var pinned = target.SslThumbprint is null ? null : Convert.FromHexString(target.SslThumbprint.Replace(":", string.Empty, StringComparison.Ordinal).Trim());
        return (_, certificate, _, errors) =>
        {
            if (pinned is not null)
            {
                return certificate is not null && CryptographicOperations.FixedTimeEquals(
                    SHA256.HashData(certificate.GetRawCertData()), pinned);
            }

            return !target.VerifySsl || errors == SslPolicyErrors.None;
        };
    }
}
