using ModelContextProtocol.Server;
using VmwareMcp.Host.Security;

namespace VmwareMcp.Host.Mcp;

/// <summary>The scope each MCP tool needs: the front door's by name, a plugin's from its annotations.</summary>
internal static class ToolScopes
{
    private static readonly Dictionary<string, Scope> Known = new(StringComparer.Ordinal)
    {
        ["create_vm"] = Scope.Operate,
        ["clone_vm"] = Scope.Operate,
        ["power_vm"] = Scope.Operate,
        ["reconfigure_vm"] = Scope.Operate,
        ["create_snapshot"] = Scope.Operate,
        ["revert_snapshot"] = Scope.Operate,
        ["remove_snapshot"] = Scope.Operate,
        ["acknowledge_alarm"] = Scope.Operate,
        ["migrate_vm"] = Scope.Operate,
        ["delete_vm"] = Scope.Admin,
        ["set_maintenance_mode"] = Scope.Admin,
    };

    public static Scope For(McpServerTool tool) =>
        Known.TryGetValue(tool.ProtocolTool.Name, out var scope) ? scope
        : tool.ProtocolTool.Annotations?.ReadOnlyHint == true ? Scope.Read
        : Scope.Operate;

    /// <summary>Whether calls to the tool change something (and so are audited).</summary>
    public static bool Changes(McpServerTool tool) => For(tool) > Scope.Read;
}
