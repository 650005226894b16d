using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Host.Mcp;

namespace VmwareMcp.Host.Idempotency;

/// <summary>
/// MCP: a changing tool called with <c>request_id</c> acts once per caller and id for 24 hours; a retry gets
/// the first call's result, a tool error while that call still runs, and a tool error naming the id when it
/// came with other arguments. A preview (no <c>confirm</c>) acts on nothing, so its id stays free.
/// </summary>
internal static class McpIdempotencyFilter
{
    public const string Argument = "request_id";

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool || !ToolPolicy.Changes(tool)
                || context.Params?.Arguments is not { } arguments || !arguments.TryGetValue(Argument, out var id))
            {
                return await next(context, cancellationToken);
            }

            var problem = id.ValueKind == JsonValueKind.String ? IdempotencyKey.Problem(id.GetString()!, Argument) : $"{Argument} must be a string";
            if (problem is not null)
            {
                return ToolErrorFilter.Error("InvalidArgument: " + problem);
            }

            var store = context.Services!.GetRequiredService<IIdempotencyStore>();
            var key = IdempotencyKey.Scoped("mcp", id.GetString()!);
            var asked = arguments.Where(a => a.Key is not Argument and not "confirm").OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary();
            var claim = await store.ClaimAsync(key, IdempotencyKey.Fingerprint(IdempotencyKey.Utf8(tool.ProtocolTool.Name), JsonSerializer.SerializeToUtf8Bytes(asked)), cancellationToken);
            switch (claim.State)
            {
                case IdempotencyState.Mismatch:
                    return ToolErrorFilter.Error($"InvalidArgument: {Argument} '{id.GetString()}' was already used for another call; use a new {Argument} for a new request");
                case IdempotencyState.Running:
                    return ToolErrorFilter.Error($"Conflict: the first call with {Argument} '{id.GetString()}' has not ended; call again later to get its result");
                case IdempotencyState.Done:
                    return JsonSerializer.Deserialize<CallToolResult>(claim.Outcome!.Body, McpJsonUtilities.DefaultOptions)!;
            }

            CallToolResult result;
            try
            {
                result = await next(context, cancellationToken);
            }
            catch (HypervisorException ex)
            {
                result = ToolErrorFilter.Error(ex);
            }
            catch
            {
                // A preview, a call that could not be bound or a cancelled one: nothing is known to be done.
                await store.ReleaseAsync(key);
                throw;
            }

            if (PreviewResult.Is(result) || Approvals.ApprovalArgument.IsPending(result))
            {
                await store.ReleaseAsync(key);
            }
            else
            {
                await store.CompleteAsync(key, new StoredOutcome(0, "application/json", JsonSerializer.SerializeToUtf8Bytes(result, McpJsonUtilities.DefaultOptions)));
            }

            return result;
        };
}
