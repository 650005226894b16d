using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Vim25;

/// <summary>Creates the one long-lived HttpClient per target, with its cookie jar and certificate policy.</summary>
internal static class VimEndpoint
{
    public static HttpClient CreateHttpClient(TargetOptions target, CookieContainer cookies, CertificateCheck certificates)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = certificates.Validate },
        };

        return new HttpClient(handler) { BaseAddress = target.Endpoint, Timeout = Timeout.InfiniteTimeSpan };
    }
}
