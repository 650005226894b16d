using System.Net.ServerSentEvents;

namespace VmwareMcp.Tests.Telemetry;

/// <summary>Reads server-sent events from a route with the framework's own SSE parser.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    private SseReader(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _events = SseParser.Create(stream).EnumerateAsync().GetAsyncEnumerator();
    }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    public static async Task<SseReader> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new SseReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event of type <paramref name="eventType"/> matching <paramref name="match"/>, within a bounded wait.</summary>
    public async Task<string> NextAsync(string eventType, Func<string, bool>? match = null, int timeoutSeconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (await _events.MoveNextAsync().AsTask().WaitAsync(timeout.Token))
        {
            if (_events.Current.EventType == eventType && (match?.Invoke(_events.Current.Data) ?? true))
            {
                return _events.Current.Data;
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        try
        {
            await _events.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or HttpRequestException)
        {
            // The connection was closed under the reader; nothing to clean up.
        }
    }
}
