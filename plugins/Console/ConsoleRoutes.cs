using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VmwareMcp.Plugins.Console;

/// <summary><c>/ui</c> and its assets, with headers that keep the page from being framed or running anything not its own.</summary>
internal static class ConsoleRoutes
{
    // No inline script or style and nothing from elsewhere: vendor text that slipped into markup could not run.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ui", (HttpContext http, ConsoleAssets assets) => Serve(http, assets, "index.html")).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/ui/{*file}", (HttpContext http, ConsoleAssets assets, string file) => Serve(http, assets, file)).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext http, ConsoleAssets assets, string file)
    {
        if (assets.Find(string.IsNullOrEmpty(file) ? "index.html" : file) is not { } asset)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"the console has no file '{file}'");
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        return http.Request.Headers.IfNoneMatch == asset.ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(asset.Bytes, asset.ContentType);
    }
}
