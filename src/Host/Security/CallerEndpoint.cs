using System.Text.Json.Serialization;

namespace VmwareMcp.Host.Security;

/// <summary>
/// <c>GET /api/v1/caller</c>: who the token is and what it may do, so a client (the console) shows only
/// what it may use instead of learning it from 403s. Rights are still enforced on every call.
/// </summary>
internal static class CallerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/caller", (HttpContext context) =>
            {
                var scope = CallerScopes.Of(context.User);
                return new CallerResponse(
                    context.User.Identity?.Name ?? "anonymous",
                    scope.Name(),
                    [.. Enum.GetValues<Scope>().Where(s => s <= scope).Select(s => s.Name())],
                    [.. context.User.FindAll(CallerScopes.TargetClaim).Select(c => c.Value)]);
            })
            .WithName("get_caller")
            .WithSummary("The calling token's name, highest scope, scopes and targets (empty: all)");

    /// <summary>The response body.</summary>
    /// <param name="Name">The token's name as logs and the audit log show it.</param>
    /// <param name="Scope">Its highest scope.</param>
    /// <param name="Scopes">Every scope it holds (each includes those below it).</param>
    /// <param name="Targets">The targets it may touch; empty means all.</param>
    internal sealed record CallerResponse(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("scope")] string Scope,
        [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes,
        [property: JsonPropertyName("targets")] IReadOnlyList<string> Targets);
}
