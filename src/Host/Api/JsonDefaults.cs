using System.Text.Json;
using VmwareMcp.Abstractions;

namespace VmwareMcp.Host.Api;

/// <summary>The contract's JSON shape (<see cref="ContractJson"/>) applied to the host's REST and MCP options.</summary>
public static class JsonDefaults
{
    /// <summary>Applies the shared naming to <paramref name="options"/>.</summary>
    /// <param name="options">Options to change in place.</param>
    public static void Apply(JsonSerializerOptions options) => ContractJson.Apply(options);

    /// <summary>
    /// Options for the host's MCP tools: the contract's own, as plugins use. The SDK's defaults drop nulls,
    /// which a client validating structured content against the declared output schema (every nullable
    /// member is required there) rejects, and spell enums as .NET names.
    /// </summary>
    public static JsonSerializerOptions Mcp => ContractJson.Options;
}
