using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions;
using VmwareMcp.Host.Mcp;

namespace VmwareMcp.Host.Approvals;

/// <summary>
/// Readies every changing tool, whoever contributes it, for approval: <c>approval_id</c> joins its input
/// schema and "pending approval" its answers, since any rule reloaded later may hold it.
/// </summary>
internal static class ApprovalArgument
{
    public const string Name = "approval_id";

    /// <summary>How long a held call may wait for the decision, in seconds, before answering pending.</summary>
    public const string Wait = "approval_wait_seconds";

    /// <summary>The longest wait a call may ask for; clients cut calls off long before.</summary>
    public const int MaxWaitSeconds = 600;

    /// <summary>The host's own arguments, which are not part of the call an approval is bound to.</summary>
    private static readonly string[] HostArguments = ["confirm", Idempotency.McpIdempotencyFilter.Argument, HandOff.HandOffArgument.Name, Name, Wait];

    private static readonly JsonNode PendingSchema = JsonSchemaExporter.GetJsonSchemaAsNode(ContractJson.Options, typeof(ApprovalPending));

    public static McpServerTool Declare(McpServerTool tool)
    {
        if (ToolPolicy.Changes(tool) && ToolSchemaEdit.AddArgument(tool, Name, new JsonObject
        {
            ["type"] = "string",
            ["maxLength"] = 64,
            ["description"] = "Only after an answer with state 'pending_approval': its approval_id, once an admin approved it. Send the same arguments as the first call.",
        }))
        {
            ToolSchemaEdit.AddArgument(tool, Wait, new JsonObject
            {
                ["type"] = "integer",
                ["minimum"] = 0,
                ["maximum"] = MaxWaitSeconds,
                ["default"] = 0,
                ["description"] = "If a rule holds the call for approval: wait up to this many seconds for an admin's decision (with progress notices) and go ahead when approved, instead of answering 'pending_approval' at once.",
            });
            ToolSchemaEdit.AddAnswer(tool, PendingSchema);
        }

        return tool;
    }

    /// <summary>The call's own arguments, which an approval is bound to.</summary>
    public static JsonObject CallArguments(IDictionary<string, JsonElement>? arguments) =>
        Audit.AuditArguments.OfTool(arguments?.Where(a => !HostArguments.Contains(a.Key)).ToDictionary());

    /// <summary>The approval the call is made with; null when none, or not a string.</summary>
    public static string? Of(IDictionary<string, JsonElement>? arguments) =>
        arguments?.TryGetValue(Name, out var id) == true && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>The seconds the call asks to wait for a decision (0 when not asked).</summary>
    /// <exception cref="Abstractions.Errors.HypervisorException">Not a whole number within 0 to <see cref="MaxWaitSeconds"/>.</exception>
    public static int WaitOf(IDictionary<string, JsonElement>? arguments) =>
        arguments?.TryGetValue(Wait, out var wait) != true ? 0
        : wait.ValueKind == JsonValueKind.Number && wait.TryGetInt32(out var seconds) && seconds is >= 0 and <= MaxWaitSeconds ? seconds
        : throw new Abstractions.Errors.HypervisorException(Abstractions.Errors.HypervisorErrorKind.InvalidArgument,
            $"{Wait} must be a whole number of seconds from 0 to {MaxWaitSeconds}, got {wait.GetRawText()}");

    /// <summary>A held call's answer: structured, so every client reads it, and not an error, as nothing failed.</summary>
    public static CallToolResult Pending(Approval approval)
    {
        var structured = JsonSerializer.SerializeToElement(ApprovalPending.Of(approval), ContractJson.Options);
        return new CallToolResult { StructuredContent = structured, Content = [new TextContentBlock { Text = structured.GetRawText() }] };
    }

    /// <summary>Whether <paramref name="result"/> is a held call's answer.</summary>
    public static bool IsPending(CallToolResult result) =>
        result.IsError != true && result.StructuredContent is { ValueKind: JsonValueKind.Object } structured
        && structured.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String && state.GetString() == "pending_approval";
}
