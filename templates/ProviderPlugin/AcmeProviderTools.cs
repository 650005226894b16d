using System.ComponentModel;
using ModelContextProtocol.Server;

namespace AcmeProvider;

/// <summary>The plugin's own MCP tools. Mark read-only tools so read-scoped tokens may call them.</summary>
/// <param name="inventory">From the plugin's own services.</param>
[McpServerToolType]
public sealed class AcmeProviderTools(AcmeProviderInventory inventory)
{
    /// <summary>Reports what the plugin serves.</summary>
    [McpServerTool(Name = "acmeprovider_status", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Description("What the acmeprovider plugin serves: its provider kind and how many VMs.")]
    public AcmeProviderStatus Status() => inventory.Status();
}
