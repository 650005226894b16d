using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace VmwareMcp.Host.Api;

/// <summary>
/// Checks the body of every REST change and every MCP message before anything parses it
/// (<see cref="JsonTextCheck"/>): REST answers a 400 problem, MCP a JSON-RPC error, never a 500, a -32603
/// or a reset stream. MCP <c>tools/call</c> is also held to its shape (<c>params</c> an object, <c>name</c> a
/// string, <c>arguments</c> an object) so the SDK never sees one it cannot bind. The body stays readable.
/// </summary>
internal static class JsonBodyGuard
{
    public static IApplicationBuilder UseJsonBodyGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var mcp = request.Path.StartsWithSegments(Mcp.McpServerSetup.Route);
            // REST bodies of other media types (a plugin's upload, say) are the endpoint's to read.
            var json = mcp || request.ContentType is null || request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase);
            if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method)
                || !mcp && !request.Path.StartsWithSegments("/api/v1") || request.ContentLength == 0 || !json)
            {
                await next(context);
                return;
            }

            request.EnableBuffering();
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted); // Kestrel's body size limit bounds this (413).
            request.Body.Position = 0;
            var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
            var problem = bytes.Length == 0 ? null : JsonTextCheck.Problem(bytes.Span);
            if (problem is null && mcp)
            {
                problem = McpMessageShape.Problem(bytes);
            }

            if (problem is null)
            {
                await next(context);
            }
            else if (mcp)
            {
                await WriteJsonRpcErrorAsync(context, bytes, problem);
            }
            else
            {
                context.Items[Audit.AuditMiddleware.ErrorItem] = problem;
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails { Status = 400, Title = "Bad request", Detail = problem },
                });
            }
        });

    private static async Task WriteJsonRpcErrorAsync(HttpContext context, ReadOnlyMemory<byte> body, string problem)
    {
        var (id, parsed) = McpMessageShape.Id(body);
        // -32700 when the text is not JSON at all (no id can be trusted); -32602 when a request was readable.
        var error = new { jsonrpc = "2.0", id, error = new { code = parsed ? -32602 : -32700, message = (parsed ? "Invalid params: " : "Parse error: ") + problem } };
        context.Response.StatusCode = parsed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(error), Encoding.UTF8);
    }
}
