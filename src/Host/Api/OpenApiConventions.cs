using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VmwareMcp.Host.Api;

/// <summary>
/// Makes <c>/openapi/v1.json</c> a document a client generator can use: the bearer scheme declared and
/// applied (anonymous routes opt out), every error an operation can answer documented as an RFC 9457
/// problem, the health probes described, and tags that say what each feature is.
/// </summary>
internal static class OpenApiConventions
{
    private const string Bearer = "bearer";
    private const string Problem = "ProblemDetails";
    private const string Handle = "TaskHandle";
    private const string Pending = "ApprovalPending";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["VMs"] = "VM lifecycle: list, inspect, create, clone, delete, power, resize, snapshots.",
        ["Inventory"] = "Datacenters, hosts, datastores, networks, templates and the configured targets.",
        ["Operations"] = "What is wrong and what is going on: alarms, events, tasks, host health, maintenance, migration.",
        ["Metrics"] = "Performance samples of VMs, hosts and datastores, current and collected, and their streams.",
        ["Clusters"] = "vCenter compute clusters.",
        ["Host"] = "The control plane itself: tokens, plugins, audit log and health probes.",
    };

    /// <summary>Errors every operation may answer, and those only some do.</summary>
    private static readonly (string Status, string Description, Func<OpenApiOperationTransformerContext, bool> Applies)[] Errors =
    [
        ("400", "The request is invalid: the problem names the field, what was expected and what was found.", _ => true),
        ("401", "No valid bearer token.", c => !Anonymous(c)),
        ("403", "The token lacks the scope, or may not touch the target.", c => !Anonymous(c)),
        ("404", "No such VM, host, snapshot, task or target.", _ => true),
        ("409", "The object's state forbids it now (name taken, wrong power state, name shared by two VMs).", Changes),
        ("413", "The body is larger than the host accepts.", Changes),
        ("429", "Rate limited: retry after the Retry-After header's seconds.", _ => true),
        ("501", "The target cannot do this (for example a standalone ESXi host asked for a vCenter feature).", _ => true),
        ("503", "The target cannot be reached, or the audit log cannot be written; retry after the Retry-After header's seconds.", _ => true),
    ];

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            Document(operation, context);
            return Task.CompletedTask;
        });
    }

    private static void Document(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (Anonymous(context))
        {
            operation.Security = [];
        }

        // A plugin's route without WithSummary still says what it is: its name, as a sentence.
        operation.OperationId ??= $"{context.Description.HttpMethod}_{context.Description.RelativePath}".ToLowerInvariant().Replace('/', '_');
        operation.Summary ??= char.ToUpperInvariant(operation.OperationId[0]) + operation.OperationId[1..].Replace('_', ' ');

        operation.Responses ??= [];
        foreach (var (status, description, applies) in Errors)
        {
            if (applies(context) && !operation.Responses.ContainsKey(status))
            {
                operation.Responses[status] = ProblemResponse(description);
            }
        }

        if (Changes(context))
        {
            DocumentChangeControls(operation);
        }
    }

    /// <summary>What the host adds to every changing route: <c>?wait=false</c> hand-off (202) and <c>Idempotency-Key</c>.</summary>
    private static void DocumentChangeControls(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        if (!operation.Parameters.Any(p => p.Name == "wait"))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "wait",
                In = ParameterLocation.Query,
                Description = "false: answer 202 with the vSphere task as soon as one has started, and let the change run on (follow the Location). Default true.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(true) },
            });
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Idempotency-Key",
            In = ParameterLocation.Header,
            Description = "Acts once per token and key for 24 hours: a retry with the same key gets the first answer (Idempotent-Replayed: true); the same key with another request is a 422.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Idempotency.IdempotencyKey.MaxLength },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Approvals.ApprovalHeader.Name,
            In = ParameterLocation.Header,
            Description = "After a 202 from a require_approval rule, and once an admin approved it: the approval_id; send the same request again with it.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64 },
        });
        operation.Responses!.TryAdd("202", new OpenApiResponse
        {
            Description = "Handed off (?wait=false): the change runs on as the named vSphere task; GET the Location for its progress and, once it ended, its result. "
                + "Or held by a require_approval rule (body state pending_approval, Location /api/v1/approvals/{id}): nothing was done.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Location"] = new OpenApiHeader { Description = "/api/v1/tasks/{id}?target=", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { AnyOf = [new OpenApiSchemaReference(Handle), new OpenApiSchemaReference(Pending)] } },
            },
        });
    }

    private static bool Anonymous(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();

    private static bool Changes(OpenApiOperationTransformerContext context) =>
        !HttpMethods.IsGet(context.Description.HttpMethod ?? "GET");

    private static OpenApiResponse ProblemResponse(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem) },
        },
    };

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "VmwareMcp";
        document.Info.Description = "REST side of the VmwareMcp control plane for vCenter and ESXi. Every route but the health probes needs "
            + "'Authorization: Bearer <token>'; every route takes '?target=' (optional with one target). Errors are RFC 9457 problem details.";
        document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The configured access_token (or a scoped token), or a session token from POST /api/v1/auth/token_exchange.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema();
        document.Components.Schemas[Handle] = HandleSchema();
        document.Components.Schemas[Pending] = PendingSchema();
        HealthProbes.Describe(document);

        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in document.Tags)
        {
            tag.Description ??= tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description) ? description : $"Routes of the {tag.Name} plugin.";
        }
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem: what went wrong (title), in the caller's terms (detail), and the status.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        Examples = [JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,"detail":"no VM named 'web-01' on target 'default'"}""")!],
    };

    private static OpenApiSchema HandleSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A change handed off with ?wait=false: it runs on as vSphere task task_id on target.",
        Required = new HashSet<string> { "task_id", "target", "state", "follow" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["task_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The vSphere task." },
            ["target"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["state"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "running when answered." },
            ["follow"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "How to learn its end and result." },
        },
    };

    private static OpenApiSchema PendingSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A change held by a require_approval rule: nothing was done; an admin approves it, then the same request is sent again with Approval-Id.",
        Required = new HashSet<string> { "approval_id", "state", "rule", "expires", "next" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["approval_id"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["state"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "pending_approval." },
            ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The rule that held it." },
            ["expires"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            ["next"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What to do next." },
        },
    };
}
