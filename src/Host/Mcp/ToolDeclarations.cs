using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Server;

namespace VmwareMcp.Host.Mcp;

/// <summary>
/// What the host adds to every tool's schemas as the tool is registered, whoever contributes it: the
/// boundary's own arguments (<c>confirm</c>, <c>request_id</c>, <c>wait</c>, <c>approval_id</c>) and the answers they can
/// bring (a preview, a task handle, a pending approval); and boolean sub-schemas (<c>true</c>, what .NET writes for a JSON value of any
/// shape) written as <c>{}</c>, which every client reads (the TypeScript SDK refuses a tool list with them).
/// </summary>
internal static class ToolDeclarations
{
    public static McpServerTool Apply(McpServerTool tool)
    {
        Approvals.ApprovalArgument.Declare(HandOff.HandOffArgument.Declare(Idempotency.RequestIdArgument.Declare(PreviewResult.Declare(tool))));
        if (tool.ProtocolTool.OutputSchema is { } output && JsonNode.Parse(output.GetRawText()) is JsonObject schema && Objectify(schema))
        {
            tool.ProtocolTool.OutputSchema = JsonSerializer.SerializeToElement(schema);
        }

        return tool;
    }

    private static readonly string[] SchemaKeys = ["items", "additionalProperties", "not", "contains", "additionalItems", "unevaluatedProperties", "unevaluatedItems", "propertyNames"];
    private static readonly string[] SchemaMapKeys = ["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"];
    private static readonly string[] SchemaListKeys = ["anyOf", "oneOf", "allOf", "prefixItems"];

    /// <summary>Replaces every boolean sub-schema of <paramref name="schema"/> (where a keyword takes a schema) by its object form; true when one was.</summary>
    private static bool Objectify(JsonObject schema)
    {
        var changed = false;
        foreach (var (key, value) in schema.ToList())
        {
            if (SchemaKeys.Contains(key))
            {
                changed |= Replace(value, replacement => schema[key] = replacement);
            }
            else if (SchemaMapKeys.Contains(key) && value is JsonObject map)
            {
                foreach (var (name, sub) in map.ToList())
                {
                    changed |= Replace(sub, replacement => map[name] = replacement);
                }
            }
            else if (SchemaListKeys.Contains(key) && value is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var at = i;
                    changed |= Replace(list[i], replacement => list[at] = replacement);
                }
            }
        }

        return changed;
    }

    private static bool Replace(JsonNode? schema, Action<JsonNode> set)
    {
        if (schema is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            set(value.GetValue<bool>() ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() });
            return true;
        }

        return schema is JsonObject sub && Objectify(sub);
    }
}
