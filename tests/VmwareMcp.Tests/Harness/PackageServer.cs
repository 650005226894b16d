using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace VmwareMcp.Tests.Harness;

/// <summary>
/// A plain-http file server on a free loopback port for a folder of packages, as an appliance vendor's or
/// an internal mirror's would be; it counts the requests, so a test can tell a refusal fetched nothing.
/// </summary>
public sealed class PackageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private PackageServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<PackageServer> StartAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new PackageServer(app);
        app.MapGet("/packages/{name}", (string name) =>
        {
            Interlocked.Increment(ref server._requests);
            var path = Path.Combine(folder, Path.GetFileName(name));
            return File.Exists(path) ? Results.File(path, "application/octet-stream") : Results.NotFound();
        });
        await app.StartAsync();
        server.Url = new Uri(ServerAddress.Of(app), "/packages/");
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
