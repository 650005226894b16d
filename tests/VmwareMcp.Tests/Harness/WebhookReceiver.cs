using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace VmwareMcp.Tests.Harness;

/// <summary>A real HTTP endpoint on a free loopback port that keeps every JSON body posted to <c>/hook</c>, in order.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where to post.</summary>
    public Uri Url { get; }

    /// <summary>The bodies received, as they arrived.</summary>
    public Channel<JsonNode> Received { get; } = Channel.CreateUnbounded<JsonNode>();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            await receiver!.Received.Writer.WriteAsync((await JsonNode.ParseAsync(request.Body))!);
            return Results.Ok();
        });
        await app.StartAsync();
        receiver = new WebhookReceiver(app, new Uri(ServerAddress.Of(app), "/hook"));
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
