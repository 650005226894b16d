using System.Text.Json;
using ModelContextProtocol;
using VmwareMcp.Abstractions;

namespace VmwareMcp.Host.Api;

/// <summary>The contract's JSON shape (<see cref="ContractJson"/>) applied to the host's REST and MCP options.</summary>
public static class JsonDefaults
{
    /// <summary>Applies the shared naming to <paramref name="options"/>.</summary>
    /// <param name="options">Options to change in place.</param>
    public static void Apply(JsonSerializerOptions options) => ContractJson.Apply(options);

    /// <summary>Options for the host's MCP tools: the SDK's defaults plus the shared naming.</summary>
    public static JsonSerializerOptions Mcp { get; } = CreateMcp();

    private static JsonSerializerOptions CreateMcp()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions);
        Apply(options);
        options.MakeReadOnly();
        return options;
    }
}
