using System.ComponentModel;
using ModelContextProtocol.Server;

namespace VmwareMcp.Samples.YamlInventory;

/// <summary>The sample's own MCP tool; VM listing goes through the host's list_vms and get_vm.</summary>
/// <param name="file">The inventory, from this plugin's own services.</param>
[McpServerToolType]
public sealed class YamlInventoryTools(InventoryFile file)
{
    /// <summary>Says which file is served and which YamlDotNet reads it.</summary>
    [McpServerTool(Name = "yaml_inventory_about", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Description("Which inventory file the yaml-inventory sample provider serves, and the YamlDotNet version it loaded (the host uses its own).")]
    public InventoryAbout About() => file.About();
}
