using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Esxi;

/// <summary>What an operator asks first of a standalone host.</summary>
[McpServerToolType]
public sealed class EsxiHostTools(ITargetProviders targets)
{
    /// <summary>MCP: the standalone host's hardware, version and state.</summary>
    /// <param name="target">Target name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "get_esxi_host", Title = "Show the ESXi host", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Describes a standalone ESXi host target: vendor, model, CPU, memory, ESXi version and build, uptime, connection and maintenance state.")]
    public async Task<HostInfo> GetEsxiHost(
        [Description("Configured target name of an ESXi host (see list_targets); optional when only one is configured.")] string? target = null,
        CancellationToken cancellationToken = default)
    {
        var provider = await targets.GetAsync(target, cancellationToken);
        if (provider is not EsxiProvider)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"target '{provider.Target.Name}' is not a standalone ESXi host; use list_hosts for a vCenter's hosts");
        }

        var hosts = await provider.ListHostsAsync(cancellationToken);
        return hosts.Count > 0 ? hosts[0] : throw new HypervisorException(HypervisorErrorKind.NotFound, "the endpoint reports no host");
    }
}
