using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace VmwareMcp.Host.Api;

/// <summary>One JSON shape for REST and MCP: the seed's snake_case names, enums as SNAKE_UPPER text.</summary>
public static class JsonDefaults
{
    /// <summary>Applies the shared naming to <paramref name="options"/>.</summary>
    /// <param name="options">Options to change in place.</param>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.AllowDuplicateProperties = false;
    }

    /// <summary>Options for MCP tools: the SDK's defaults plus the shared naming.</summary>
    public static JsonSerializerOptions Mcp { get; } = CreateMcp();

    private static JsonSerializerOptions CreateMcp()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions);
        Apply(options);
        options.MakeReadOnly();
        return options;
    }
}
