using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Policy;

namespace VmwareMcp.Host.Audit;

/// <summary>The arguments of a change as the audit keeps them: what the endpoint or tool was actually given.</summary>
internal static class AuditArguments
{
    /// <summary>The object a change names, as its policy declares it, for the record's <c>vm</c> column.</summary>
    public static string? Subject(JsonObject arguments, PolicyAttribute? policy) =>
        policy?.Subject is { } name ? Text(arguments[name]) : null;

    /// <summary>
    /// A REST endpoint's bound arguments: simple ones by parameter name, a body's members by their JSON
    /// names; services, the cancellation token and the HTTP context are left out.
    /// </summary>
    public static JsonObject OfEndpoint(IReadOnlyList<ParameterInfo> parameters, IList<object?> values, IServiceProvider services)
    {
        var isService = services.GetService<IServiceProviderIsService>();
        var arguments = new JsonObject();
        for (var i = 0; i < parameters.Count && i < values.Count; i++)
        {
            var type = parameters[i].ParameterType;
            if (values[i] is null || type == typeof(CancellationToken) || type == typeof(HttpContext) || isService?.IsService(type) == true)
            {
                continue;
            }

            var node = JsonSerializer.SerializeToNode(values[i], type, ContractJson.Options);
            if (node is JsonObject body)
            {
                foreach (var (name, value) in body.ToList())
                {
                    body.Remove(name);
                    arguments[name] = value;
                }
            }
            else
            {
                arguments[parameters[i].Name ?? $"arg{i}"] = node;
            }
        }

        return arguments;
    }

    /// <summary>An MCP call's arguments as sent.</summary>
    public static JsonObject OfTool(IDictionary<string, JsonElement>? arguments)
    {
        var result = new JsonObject();
        foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            result[name] = JsonNode.Parse(value.GetRawText());
        }

        return result;
    }

    /// <summary>A string argument's text, or null when it is absent, not a string, or not valid Unicode.</summary>
    public static string? Text(JsonNode? node)
    {
        try
        {
            return node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
