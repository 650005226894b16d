using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VmwareMcp.Host.Health;

/// <summary><c>/healthz</c> (the process is up) and <c>/readyz</c> (every target answers), both anonymous.</summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static void Map(WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReport }).AllowAnonymous();
    }

    /// <summary>The report as the caller may see it: a token limited to some targets sees those, and their health alone.</summary>
    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var targets = report.Entries.SelectMany(e => e.Value.Data)
            .Where(d => Security.CallerScopes.MayTouch(context.User, d.Key))
            .ToDictionary(d => d.Key, d => d.Value);
        var healthy = targets.Values.All(t => JsonSerializer.SerializeToElement(t).GetProperty("status").GetString() == "connected");
        context.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = healthy ? "healthy" : "unhealthy", targets }));
    }
}
