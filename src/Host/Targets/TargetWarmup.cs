using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Host.Targets;

/// <summary>
/// Connects to every target once at start, in the background, so a wrong address, password or <c>kind</c>
/// shows in the log right away instead of on the first request. Failures never stop the host.
/// </summary>
internal sealed class TargetWarmup(TargetProviders targets) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(targets.Targets.Select(async target =>
        {
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
}
