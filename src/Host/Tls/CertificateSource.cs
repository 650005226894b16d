using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Tls;

/// <summary>
/// The server certificate: from tls_certificate/tls_key (PEM) or tls_pfx, else a self-signed one generated
/// on first start and reused, so clients that pinned it keep working across restarts.
/// </summary>
internal static partial class CertificateSource
{
    public const string GeneratedFileName = "vmware-mcp-selfsigned.pfx";

    public static X509Certificate2 Load(HostSettings settings, ILogger logger)
    {
        try
        {
            if (settings.TlsPfx is not null)
            {
                return X509CertificateLoader.LoadPkcs12FromFile(settings.TlsPfx, settings.TlsPfxPassword);
            }

            if (settings.TlsCertificate is not null)
            {
                using var pem = X509Certificate2.CreateFromPemFile(settings.TlsCertificate, settings.TlsKey);
                // Kestrel on Linux needs an exportable key, which a PEM-loaded ephemeral key is not.
                return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            var key = settings.TlsPfx is not null ? "tls_pfx" : "tls_certificate";
            throw new ConfigurationException($"{settings.ConfigFile ?? "environment"}: {key}: cannot load the certificate: {ex.Message}");
        }

        var path = Path.Combine(settings.DataPath, GeneratedFileName);
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.Exportable);
            LogReused(logger, path, Fingerprint(existing));
            return existing;
        }

        var generated = Generate(settings.ListenUrl.Host);
        Directory.CreateDirectory(settings.DataPath);
        File.WriteAllBytes(path, generated.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        LogGenerated(logger, path, Fingerprint(generated));
        return generated;
    }

    /// <summary>SHA-256 of the DER certificate, colon-separated hex, as browsers and vSphere show it.</summary>
    public static string Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// An ECDSA P-256 certificate: making an RSA-2048 key took 150-500 ms here, at random, on every first start;
    /// P-256 takes a few and every current TLS client accepts it.
    /// </summary>
    private static X509Certificate2 Generate(string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        if (IPAddress.TryParse(host, out var address))
        {
            san.AddIpAddress(address);
        }
        else if (host != "localhost")
        {
            san.AddDnsName(host);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated a self-signed TLS certificate at {Path}; SHA-256 fingerprint {Fingerprint}")]
    private static partial void LogGenerated(ILogger logger, string path, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Using the self-signed TLS certificate at {Path}; SHA-256 fingerprint {Fingerprint}")]
    private static partial void LogReused(ILogger logger, string path, string fingerprint);
}
