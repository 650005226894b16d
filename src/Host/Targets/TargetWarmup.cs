using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Host.Targets;

/// <summary>
/// Connects to every target once at start, in the background, so a wrong address, password or <c>kind</c>
/// shows in the log right away instead of on the first request. Failures never stop the host.
/// </summary>
/// <remarks>
/// It also warns, at every start, about each target whose certificate is not checked, with the fingerprint
/// to pin.
/// </remarks>
internal sealed partial class TargetWarmup(TargetProviders targets, ILogger<TargetWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(targets.Targets.Select(async target =>
        {
            if (!target.VerifySsl && target.SslThumbprint is null && target.Endpoint.Scheme == Uri.UriSchemeHttps)
            {
                var fingerprint = await EndpointCertificate.FingerprintAsync(target.Endpoint, stoppingToken);
                LogUnverified(logger, target.Name, target.Endpoint, fingerprint ?? "(could not be read now)", fingerprint ?? "<SHA-256 of its certificate>");
            }

            try
            {
                var provider = await targets.GetAsync(target.Name, stoppingToken);
                await provider.GetEndpointInfoAsync(stoppingToken);
                targets.ReportStatus(target.Name, null);
            }
            catch (HypervisorException ex)
            {
                targets.ReportStatus(target.Name, ex.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down.
            }
        }));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target}: the certificate of {Endpoint} is NOT verified (verify_ssl_cert: false or insecure: true), so anyone on the path can impersonate it. "
        + "It presents SHA-256 {Fingerprint:l} now; if that is the real endpoint, pin it with ssl_thumbprint: \"{Pin:l}\"")]
    private static partial void LogUnverified(ILogger logger, string target, Uri endpoint, string fingerprint, string pin);
}
