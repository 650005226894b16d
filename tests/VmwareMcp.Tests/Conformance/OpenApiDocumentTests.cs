using System.Text.Json;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Conformance;

/// <summary>The served OpenAPI document, as a client generator and redocly's recommended rules read it.</summary>
public sealed class OpenApiDocumentTests(SimulatedVcenter vcenter) : IClassFixture<SimulatedVcenter>
{
    [Fact]
    public async Task Redocly_finds_no_error_in_the_served_document()
    {
        var file = await SaveDocumentAsync();

        var (exitCode, output) = await NodeClient.RunAsync(vcenter.Host, NodeClient.Node22,
            Path.Combine(ConformancePlan.Folder, "node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", file, "--format=stylish");

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Every_operation_needs_the_bearer_scheme_except_the_health_probes()
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(await SaveDocumentAsync()));
        var root = document.RootElement;

        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.True(root.GetProperty("security")[0].TryGetProperty("bearer", out _));
        Assert.Equal(0, root.GetProperty("paths").GetProperty("/readyz").GetProperty("get").GetProperty("security").GetArrayLength());
        Assert.Equal(0, root.GetProperty("paths").GetProperty("/healthz").GetProperty("get").GetProperty("security").GetArrayLength());
    }

    [Fact]
    public async Task Errors_are_documented_as_problem_details_and_creations_as_201()
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(await SaveDocumentAsync()));
        var create = document.RootElement.GetProperty("paths").GetProperty("/api/v1/vms").GetProperty("post").GetProperty("responses");

        Assert.True(create.TryGetProperty("201", out var created) && created.GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "400", "401", "403", "404", "409", "413", "429", "501", "503" })
        {
            Assert.True(create.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }
    }

    [Fact]
    public async Task Integers_are_typed_as_integers_only()
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(await SaveDocumentAsync()));

        Assert.DoesNotContain(TypeUnions(document.RootElement), types => types.Contains("integer") && types.Contains("string"));
    }

    private static IEnumerable<List<string?>> TypeUnions(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => node.EnumerateObject().SelectMany(p => p.Name == "type" && p.Value.ValueKind == JsonValueKind.Array
            ? [p.Value.EnumerateArray().Select(t => t.GetString()).ToList()]
            : TypeUnions(p.Value)),
        JsonValueKind.Array => node.EnumerateArray().SelectMany(TypeUnions),
        _ => [],
    };

    private async Task<string> SaveDocumentAsync()
    {
        using var client = vcenter.Host.CreateClient();
        var file = Path.Combine(vcenter.Host.Directory, "openapi.json");
        await File.WriteAllTextAsync(file, await client.GetStringAsync("/openapi/v1.json"));
        return file;
    }
}
