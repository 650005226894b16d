using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Conformance;

/// <summary>
/// tests/conformance/calls.json: every MCP tool with real arguments, in an order that creates what the
/// changes act on. The TypeScript program and the schema test walk the same list, so a tool added without
/// a call fails both.
/// </summary>
public sealed partial class ConformancePlan
{
    private readonly Dictionary<string, string> _variables;

    private ConformancePlan(JsonObject document, string model, string run)
    {
        _variables = document["models"]![model]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        _variables["run"] = run;
        Calls = document["calls"]!.AsArray()
            .Select(c => c!.AsObject())
            .Where(c => c["models"] is not JsonArray models || models.Any(m => m!.GetValue<string>() == model))
            .Select(c => new PlannedCall(
                c["tool"]!.GetValue<string>(),
                c["arguments"]!.AsObject(),
                c["error_on"] is JsonArray errors && errors.Any(m => m!.GetValue<string>() == model),
                c["save"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? []))
            .ToList();
    }

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "conformance");

    public IReadOnlyList<PlannedCall> Calls { get; }

    public static ConformancePlan Load(string model, string run) =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "calls.json")))!.AsObject(), model, run);

    /// <summary>Sets a variable the plan's models cannot know, such as a generated file's path.</summary>
    public ConformancePlan With(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    /// <summary>The call's arguments with every <c>${name}</c> filled in.</summary>
    public Dictionary<string, object?> ArgumentsOf(PlannedCall call) =>
        call.Arguments.ToDictionary(p => p.Key, p => (object?)Fill(p.Value));

    /// <summary>Keeps the values a later call needs (for example a task id) from a result.</summary>
    public void Save(PlannedCall call, JsonElement structured)
    {
        foreach (var (name, path) in call.Save)
        {
            // A list is wrapped as {"result": [...]} for clients of protocol revisions that need an object there.
            var root = JsonNode.Parse(structured.GetRawText());
            var node = path.Split('.').Aggregate(root is JsonArray ? new JsonObject { ["result"] = root } : root, (n, key) => n switch
            {
                JsonArray array => int.TryParse(key, out var index) && index < array.Count ? array[index] : null,
                JsonObject obj => obj[key],
                _ => null,
            });
            _variables[name] = node?.ToString() ?? throw new InvalidOperationException($"{call.Tool}: nothing at '{path}' of {structured} to save as {name}");
        }
    }

    private JsonElement? Fill(JsonNode? value) => value is null ? null
        : JsonSerializer.SerializeToElement(value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? JsonValue.Create(Variable().Replace(v.GetValue<string>(), m => _variables[m.Groups[1].Value]))
            : value);

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex Variable();
}

/// <summary>One call of the plan.</summary>
public sealed record PlannedCall(string Tool, JsonObject Arguments, bool ErrorExpected, IReadOnlyDictionary<string, string> Save);
