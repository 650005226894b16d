using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Host.Mcp;

namespace VmwareMcp.Host.Audit;

/// <summary>Audits every call to an MCP tool that can change something, before its result is sent.</summary>
internal static class McpAuditFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool || !ToolScopes.Changes(tool))
            {
                return await next(context, cancellationToken);
            }

            var started = Stopwatch.GetTimestamp();
            var arguments = context.Params?.Arguments is { } args ? JsonSerializer.SerializeToNode(args) as JsonObject : null;
            var targets = context.Services!.GetRequiredService<Targets.TargetProviders>();
            var target = arguments?["target"]?.ToString();
            var before = await VmState.ReadAsync(targets, context.User, target, VmState.SubjectBefore(arguments), cancellationToken);
            using var trail = VmwareMcp.Abstractions.Providers.TaskTrail.Begin(out var tasks);
            var result = await next(context, cancellationToken);
            var error = result.IsError == true ? string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text)) : null;
            var outcome = PreviewResult.Is(result) ? "preview"
                : error is null ? "ok"
                : error.StartsWith("Forbidden", StringComparison.Ordinal) || error.StartsWith("InvalidArgument", StringComparison.Ordinal) ? "refused"
                : "failed";
            var after = outcome == "ok" ? await VmState.ReadAsync(targets, context.User, target, VmState.SubjectAfter(arguments), cancellationToken) : null;
            context.Services!.GetRequiredService<AuditLog>().Write(new AuditRecord(
                DateTimeOffset.UtcNow,
                context.User?.Identity?.Name ?? "local",
                "mcp",
                tool.ProtocolTool.Name,
                target,
                (arguments?["vm_identifier"] ?? arguments?["vm"] ?? arguments?["source_identifier"] ?? arguments?["vm_label"])?.ToString(),
                arguments,
                outcome,
                null,
                error,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                [.. tasks],
                before,
                after));
            return result;
        };
}
