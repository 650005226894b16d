using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Host.Mcp;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.HandOff;

/// <summary>
/// A changing tool called with <c>wait: false</c> answers as soon as its first vSphere task has started, with
/// a <see cref="TaskHandle"/>, and the change runs on, audited as any other: MCP clients cut calls off after
/// 10-60 s, and a clone takes minutes. Its answer is kept for <c>get_task</c>. A call that ends (or is
/// refused, or previewed) before any task starts answers as if it had waited.
/// </summary>
internal static class ToolHandOff
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool || !ToolPolicy.Changes(tool)
                || context.Params?.Arguments?.TryGetValue(HandOffArgument.Name, out var wait) != true || wait.ValueKind != JsonValueKind.False)
            {
                return await next(context, cancellationToken);
            }

            var services = context.Services!;
            // The change is not the caller's to cancel once handed off.
            var (work, first) = await FirstTask.StartAsync(async () => await next(context, CancellationToken.None), cancellationToken);
            if (first is not { } taskId)
            {
                return await work;
            }

            var named = ToolPolicy.Argument(context.Params.Arguments, ToolPolicy.Of(tool).Target);
            var target = services.GetRequiredService<TargetProviders>().OptionsOf(named)?.Name ?? named ?? "default";
            _ = services.GetRequiredService<TaskOutcomeStore>().KeepAsync(target, taskId, OutcomeAsync(work));
            var handle = new TaskHandle(taskId, target, "running", $"The change runs on as vSphere task {taskId}: call get_task with task_id '{taskId}' to see its progress and, once it ended, its result.");
            var structured = JsonSerializer.SerializeToElement(handle, ContractJson.Options);
            return new CallToolResult { StructuredContent = structured, Content = [new TextContentBlock { Text = structured.GetRawText() }] };
        };

    private static async Task<JsonElement> OutcomeAsync(Task<CallToolResult> work)
    {
        CallToolResult result;
        try
        {
            result = await work;
        }
        catch (Exception ex)
        {
            // Errors a waiting call would have seen as a tool error (the audit already recorded how it ended).
            result = ex is Abstractions.Errors.HypervisorException h ? ToolErrorFilter.Error(h) : ToolErrorFilter.Error($"{ex.GetType().Name}: {ex.Message}");
        }

        return result.IsError == true
            ? JsonSerializer.SerializeToElement(new { is_error = true, error = string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text)) })
            : result.StructuredContent ?? JsonSerializer.SerializeToElement(new { });
    }
}
