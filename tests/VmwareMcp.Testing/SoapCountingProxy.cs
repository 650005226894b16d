using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VmwareMcp.Tests.Harness;

/// <summary>
/// A plain-http reverse proxy in front of a (plain-http) simulator that counts SOAP calls by method, so
/// tests can prove how many round trips an operation costs without timing anything.
/// </summary>
public sealed partial class SoapCountingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private SoapCountingProxy(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int Count(string method) => _counts.GetValueOrDefault(method);

    public int Total => _counts.Values.Sum();

    public void Reset() => _counts.Clear();

    public static async Task<SoapCountingProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new SoapCountingProxy(app);
        var http = new HttpClient();
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var method = SoapMethod().Match(body);
            if (method.Success)
            {
                proxy._counts.AddOrUpdate(method.Groups[1].Value, 1, (_, n) => n + 1);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(upstream, context.Request.Path.Value))
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "text/xml"),
            };
            if (context.Request.Headers.Cookie.Count > 0)
            {
                request.Headers.TryAddWithoutValidation("Cookie", context.Request.Headers.Cookie.ToArray());
            }

            using var response = await http.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                context.Response.Headers.SetCookie = cookies.ToArray();
            }

            await response.Content.CopyToAsync(context.Response.Body);
        });
        await app.StartAsync();
        proxy.Url = new Uri(ServerAddress.Of(app), "/sdk");
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex("<soapenv:Body><([A-Za-z_]+) xmlns=\"urn:vim25\"")]
    private static partial Regex SoapMethod();
}
