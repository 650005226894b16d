using System.Text.Json;
using Json.Schema;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;

namespace VmwareMcp.Tests.Conformance;

/// <summary>
/// Every listed tool, called as calls.json says, answers with structured content that its own declared
/// outputSchema accepts (validated with JsonSchema.Net, as the TypeScript SDK does with ajv; the C# client
/// does not validate), so a tool whose schema and answer disagree fails here first.
/// </summary>
public abstract class OutputSchemaTests<TFixture>(TFixture fixture, string model) where TFixture : FrontDoorFixture
{
    [Fact]
    public async Task Every_tool_answers_with_structured_content_its_output_schema_accepts()
    {
        await using var mcp = await fixture.Host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
        var tools = (await mcp.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);
        var plan = ConformancePlan.Load(model, "schema").With("ova", fixture.Packages.PathOf("tiny.ova"));
        var problems = tools.Keys.Where(name => plan.Calls.All(c => c.Tool != name)).Select(name => $"{name}: listed, but calls.json never calls it").ToList();

        foreach (var call in plan.Calls)
        {
            var result = await mcp.CallToolAsync(call.Tool, plan.ArgumentsOf(call));
            if (result.IsError == true != call.ErrorExpected)
            {
                problems.Add($"{call.Tool}: {(call.ErrorExpected ? "expected a tool error, got a result" : "tool error: " + McpCalls.Text(result))}");
                continue;
            }

            if (result.IsError != true)
            {
                problems.AddRange(Validate(tools[call.Tool], result).Select(p => $"{call.Tool}: {p}"));
                plan.Save(call, (JsonElement)result.StructuredContent!);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<string> Validate(Tool tool, CallToolResult result)
    {
        if (tool.OutputSchema is not { } declared)
        {
            return ["declares no outputSchema"];
        }

        if (result.StructuredContent is not JsonElement structured)
        {
            return ["declares an outputSchema but answered without structured content"];
        }

        var schema = JsonSchema.FromText(declared.GetRawText());
        var evaluation = schema.Evaluate(structured, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return evaluation.IsValid ? [] : (evaluation.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .DefaultIfEmpty("does not match its outputSchema");
    }
}

public sealed class VcenterOutputSchemaTests(VcenterFrontDoorFixture fixture)
    : OutputSchemaTests<VcenterFrontDoorFixture>(fixture, "vpx"), IClassFixture<VcenterFrontDoorFixture>;

public sealed class EsxiOutputSchemaTests(EsxiFrontDoorFixture fixture)
    : OutputSchemaTests<EsxiFrontDoorFixture>(fixture, "esx"), IClassFixture<EsxiFrontDoorFixture>;
