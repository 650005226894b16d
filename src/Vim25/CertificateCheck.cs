using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Vim25;

/// <summary>
/// The certificate policy toward one endpoint: a pinned <c>ssl_thumbprint</c> wins (the usual way to trust
/// a self-signed vCenter); otherwise the chain and name are checked only when <c>verify_ssl_cert</c> is true,
/// as the original's default leaves it off. A refusal is remembered in words (untrusted chain, name
/// mismatch, expired, thumbprint mismatch) with what to set, because the TLS stack only says that "the SSL
/// connection could not be established".
/// </summary>
internal sealed class CertificateCheck(TargetOptions target)
{
    private readonly byte[]? _pinned = target.SslThumbprint is null ? null : Convert.FromHexString(target.SslThumbprint.Replace(":", string.Empty, StringComparison.Ordinal).Trim());

    /// <summary>Why the last handshake was refused, and what to do; null when none was.</summary>
    public string? LastRefusal { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var presented = certificate is null ? null : SHA256.HashData(certificate.GetRawCertData());
        var pin = $"set ssl_thumbprint: \"{(presented is null ? "?" : Convert.ToHexString(presented))}\" to pin the certificate it presents now";
        if (_pinned is not null)
        {
            return presented is not null && CryptographicOperations.FixedTimeEquals(presented, _pinned)
                || Refuse($"thumbprint mismatch: ssl_thumbprint pins {Convert.ToHexString(_pinned)}, the endpoint presents {(presented is null ? "no certificate" : Convert.ToHexString(presented))}; if the certificate was replaced on purpose, {pin}");
        }

        if (!target.VerifySsl || errors == SslPolicyErrors.None)
        {
            return true;
        }

        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reasons.Add($"name mismatch: the certificate ({certificate?.Subject}) is not for {target.Endpoint.Host}");
        }

        if (certificate is X509Certificate2 { NotAfter: var notAfter } && notAfter < DateTime.Now)
        {
            reasons.Add($"expired on {notAfter:u}");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var status = chain?.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NotTimeValid).Distinct().ToList() ?? [];
            if (status.Count > 0 || reasons.Count == 0)
            {
                reasons.Add($"untrusted chain ({(status.Count == 0 ? "not trusted here" : string.Join(", ", status))})");
            }
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            reasons.Add("the endpoint presented no certificate");
        }

        return Refuse($"{string.Join("; ", reasons)}; add its CA to this machine's trust store, or {pin}");
    }

    private bool Refuse(string reason)
    {
        LastRefusal = $"the certificate of target '{target.Name}' was refused: {reason}";
        return false;
    }
}
