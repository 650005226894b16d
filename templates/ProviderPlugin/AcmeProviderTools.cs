using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Policy;

namespace AcmeProvider;

/// <summary>
/// The plugin's own MCP tools. Each declares its policy; the host enforces it (scope, read-only targets,
/// audit, confirmation of destructive tools), so the tool itself checks none of it.
/// </summary>
/// <param name="inventory">From the plugin's own services.</param>
[McpServerToolType]
public sealed class AcmeProviderTools(AcmeProviderInventory inventory)
{
    /// <summary>Reports what the plugin serves.</summary>
    [McpServerTool(Name = "acmeprovider_status", Title = "acmeprovider status", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Policy(AccessScope.Read)]
    [Description("What the acmeprovider plugin serves: its provider kind and how many VMs.")]
    public AcmeProviderStatus Status() => inventory.Status();
}
