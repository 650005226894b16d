using System.Text.Json;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Host.Errors;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.HandOff;

/// <summary>
/// The REST side of <c>wait: false</c>: a changing route called with <c>?wait=false</c> answers 202 Accepted,
/// <c>Location: /api/v1/tasks/{id}?target=</c>, as soon as its first vSphere task has started, and the change
/// runs on, audited as any other; <c>GET</c> on that location shows the task and, once it ended, the route's
/// answer. A call that ends (or is refused, or previewed) before any task starts answers as if it had waited.
/// Placed between the policy filter and the audit filter, so refusals answer at once and the audit encloses the change.
/// </summary>
internal static class RouteHandOff
{
    /// <summary>Set on a request whose change was handed off: filters inside must not touch the request once the answer is gone.</summary>
    public const string HandedOffItem = "vmcp:handed-off";

    public static TBuilder HandOffChanges<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || !HandsOff(http.Request.Query[HandOffArgument.Name]))
            {
                return await next(context);
            }

            var services = http.RequestServices;
            var policy = http.GetEndpoint()?.Metadata.GetMetadata<PolicyAttribute>();
            var named = http.Request.Query[policy?.Target ?? "target"].FirstOrDefault();
            var target = services.GetRequiredService<TargetProviders>().OptionsOf(named)?.Name ?? named ?? "default";
            var store = services.GetRequiredService<TaskOutcomeStore>();
            http.Items[HandedOffItem] = true;

            // The audit filter inside swaps the handler's CancellationToken for none: the change runs to its end.
            var (work, first) = await FirstTask.StartAsync(async () => await next(context), http.RequestAborted);
            if (first is not { } taskId)
            {
                return await work;
            }

            _ = store.KeepAsync(target, taskId, OutcomeAsync(work));
            var location = $"/api/v1/tasks/{Uri.EscapeDataString(taskId)}?target={Uri.EscapeDataString(target)}";
            return TypedResults.Accepted(location, new TaskHandle(taskId, target, "running",
                $"The change runs on as vSphere task {taskId}: GET {location} shows its progress and, once it ended, its result."));
        });

    /// <summary>Whether <c>?wait=</c> asks for a hand-off; anything but true or false is a 400 naming it.</summary>
    private static bool HandsOff(string? wait) => wait switch
    {
        null => false,
        _ when bool.TryParse(wait, out var waits) => !waits,
        _ => throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"wait must be true or false, got '{wait}'"),
    };

    private static async Task<JsonElement> OutcomeAsync(Task<object?> work)
    {
        try
        {
            var answer = await work;
            var value = answer is IValueHttpResult valued ? valued.Value : answer is IResult ? null : answer;
            return value is null ? JsonSerializer.SerializeToElement(new { }) : JsonSerializer.SerializeToElement(value, value.GetType(), ContractJson.Options);
        }
        catch (Exception ex)
        {
            // What a waiting call would have answered as a problem (the audit already recorded how it ended).
            var status = ex is HypervisorException h ? ErrorStatus.For(h.Kind) : StatusCodes.Status500InternalServerError;
            return JsonSerializer.SerializeToElement(new { is_error = true, status, error = ex.Message });
        }
    }
}
