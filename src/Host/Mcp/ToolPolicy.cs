using System.Text.Json;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Host.Security;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// The declared policy of an MCP tool (<see cref="PolicyAttribute"/> on its method), the one source the
/// boundary reads for scope, change, target, subject and destructiveness. A tool that declares none (a
/// plugin built before contract 1.4) is read from its annotations: read-only tools need read, any other
/// operate, and a destructive hint makes it destructive.
/// </summary>
internal static class ToolPolicy
{
    public static PolicyAttribute Of(McpServerTool tool) =>
        tool.Metadata.OfType<PolicyAttribute>().FirstOrDefault()
        ?? (tool.ProtocolTool.Annotations?.ReadOnlyHint == true
            ? new PolicyAttribute(AccessScope.Read)
            : new PolicyAttribute(AccessScope.Operate) { Destructive = tool.ProtocolTool.Annotations?.DestructiveHint == true });

    /// <summary>The host's scope for the declared one.</summary>
    public static Scope ScopeOf(McpServerTool tool) => Of(tool).Needed();

    /// <summary>Whether calls to the tool change something (and so are audited and refused on read-only targets).</summary>
    public static bool Changes(McpServerTool tool) => Of(tool).Changes;

    /// <summary>Whether the boundary runs the confirmation for the tool: every destructive one.</summary>
    public static bool NeedsConfirmation(McpServerTool tool) => Of(tool).Destructive;

    /// <summary>The value of a declared string argument, or null.</summary>
    public static string? Argument(IDictionary<string, JsonElement>? arguments, string? name) =>
        name is not null && arguments is not null && arguments.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? Audit.AuditArguments.Text(System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText()))
            : null;
}
