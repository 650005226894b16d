using Microsoft.OpenApi;

namespace VmwareMcp.Host.Api;

/// <summary>
/// The health probes in the OpenAPI document. They are health-check endpoints, which ASP.NET Core's API
/// description does not see, so they are described here, once, by hand.
/// </summary>
internal static class HealthProbes
{
    public static void Describe(OpenApiDocument document)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = "Host" });
        document.Paths ??= [];
        document.Paths["/healthz"] = Probe(document, "healthz", "Whether the process is up (anonymous)", status: false);
        document.Paths["/readyz"] = Probe(document, "readyz", "Whether every target answers, target by target (anonymous)", status: true);
    }

    private static OpenApiPathItem Probe(OpenApiDocument document, string id, string summary, bool status) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = id,
                Summary = summary,
                Tags = new HashSet<OpenApiTagReference> { new("Host", document) },
                Security = [],
                Responses = new OpenApiResponses
                {
                    ["200"] = Answer("Healthy.", status),
                    ["429"] = new OpenApiResponse { Description = "Rate limited: retry after the Retry-After header's seconds." },
                    ["503"] = Answer("Unhealthy: the body says which target and why.", status),
                },
            },
        },
    };

    private static OpenApiResponse Answer(string description, bool detailed) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [detailed ? "application/json" : "text/plain"] = new()
            {
                Schema = detailed
                    ? new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "status", "targets" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["healthy", "degraded", "unhealthy"] },
                            ["targets"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema() },
                        },
                    }
                    : new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["Healthy", "Unhealthy"] },
            },
        },
    };
}
