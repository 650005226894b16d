using Microsoft.Extensions.Logging.Abstractions;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>Asks an endpoint what it is (anonymous RetrieveServiceContent), for kind detection.</summary>
public static class EndpointProbe
{
    /// <summary>The endpoint's <c>about.apiType</c>: <c>VirtualCenter</c> or <c>HostAgent</c>.</summary>
    /// <param name="target">The target to ask.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    public static async Task<string> ApiTypeAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        await using var client = new VimClient(target, NullLogger.Instance);
        return (await client.GetServiceContentAsync(cancellationToken)).About.ApiType;
    }
}
