using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace VmwareMcp.Host.Startup;

/// <summary>Binds Kestrel to <c>listen_url</c>, with TLS unless it is a permitted http URL.</summary>
internal static class KestrelListen
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static void Configure(KestrelServerOptions kestrel, Uri listenUrl, X509Certificate2? certificate)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        var port = listenUrl.Port;
        Action<ListenOptions> tls = options =>
        {
            if (certificate is not null)
            {
                options.UseHttps(certificate);
            }
        };

        var host = listenUrl.Host.Trim('[', ']');
        if (host is "*" or "+" or "0.0.0.0")
        {
            kestrel.ListenAnyIP(port, tls);
        }
        else if (host == "localhost")
        {
            kestrel.ListenLocalhost(port, tls);
        }
        else if (IPAddress.TryParse(host, out var address))
        {
            kestrel.Listen(address, port, tls);
        }
        else
        {
            foreach (var resolved in Dns.GetHostAddresses(host))
            {
                kestrel.Listen(resolved, port, tls);
            }
        }
    }
}
