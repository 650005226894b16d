using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VmwareMcp.Abstractions;

/// <summary>
/// The one JSON shape of every surface (REST bodies, MCP tool arguments and structured results): the
/// original Python vmware-mcp-controller's snake_case names, enums as SNAKE_UPPER text (<c>POWER_ON</c>), duplicate keys refused.
/// </summary>
/// <remarks>Plugins pass <see cref="Options"/> to <c>WithTools&lt;T&gt;(…)</c> so their tools look like the host's.</remarks>
public static class ContractJson
{
    /// <summary>Read-only options with the shared naming.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the shared naming to options the caller owns.</summary>
    /// <param name="options">Options to change in place.</param>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
        options.AllowDuplicateProperties = false;
        // Numbers are numbers: the web defaults also read "2" as 2, which every schema then declares as
        // ["integer","string"], a type no client generator or model can use well.
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Apply(options);
        options.MakeReadOnly();
        return options;
    }
}
