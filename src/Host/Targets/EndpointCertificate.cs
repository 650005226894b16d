using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace VmwareMcp.Host.Targets;

/// <summary>
/// Reads the certificate an endpoint presents, without trusting or refusing it, so a start with
/// verification off can say what would be pinned.
/// </summary>
internal static class EndpointCertificate
{
    /// <summary>The SHA-256 fingerprint (hex) of the endpoint's certificate, or null when none could be read.</summary>
    public static async Task<string?> FingerprintAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        if (endpoint.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            byte[]? presented = null;
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
            {
                presented = certificate is null ? null : SHA256.HashData(certificate.GetRawCertData());
                return true; // Only read: nothing is sent over this connection.
            });
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = endpoint.Host }, timeout.Token);
            return presented is null ? null : Convert.ToHexString(presented);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            return null;
        }
    }
}
