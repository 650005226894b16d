using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace VmwareMcp.Host.Events;

/// <summary>
/// One webhook: a bounded queue (the oldest events are dropped when it is full, so a dead receiver costs
/// memory up to <c>webhook_queue_size</c> and nothing else) and a sender that POSTs each event as JSON,
/// retrying with backoff before it gives the event up.
/// </summary>
internal sealed partial class WebhookDelivery
{
    private const int Attempts = 4;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Channel<JsonNode> _queue;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _delivered;
    private long _dropped;
    private long _failed;
    private string? _lastError;

    public WebhookDelivery(Uri url, int queueSize, HttpClient http, TimeProvider time, ILogger logger)
    {
        Url = url;
        _http = http;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<JsonNode>(
            new BoundedChannelOptions(queueSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public Uri Url { get; }

    /// <summary>Queues an event; never waits.</summary>
    public void Enqueue(JsonNode item) => _queue.Writer.TryWrite(item);

    public WebhookStatus Status() =>
        new(Url.GetLeftPart(UriPartial.Path), _queue.Reader.Count, Interlocked.Read(ref _delivered), Interlocked.Read(ref _dropped), Interlocked.Read(ref _failed), _lastError);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await SendAsync(item, stoppingToken);
        }
    }

    private async Task SendAsync(JsonNode item, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(Timeout);
                using var response = await _http.PostAsJsonAsync(Url, item, timeout.Token);
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref _delivered);
                _lastError = null;
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
            {
                _lastError = ex is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : ex.Message;
                if (attempt == Attempts)
                {
                    Interlocked.Increment(ref _failed);
                    LogGaveUp(_logger, Url.GetLeftPart(UriPartial.Path), Attempts, _lastError);
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)), _time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Url} did not take an event after {Attempts} attempts ({Reason}); it is dropped")]
    private static partial void LogGaveUp(ILogger logger, string url, int attempts, string reason);
}

/// <summary>How a webhook is doing.</summary>
/// <param name="Url">The webhook, without query or credentials.</param>
/// <param name="Queued">Events waiting to be sent.</param>
/// <param name="Delivered">Events it accepted.</param>
/// <param name="Dropped">Events dropped because its queue was full.</param>
/// <param name="Failed">Events given up after every retry failed.</param>
/// <param name="LastError">The last failure, until a delivery succeeds.</param>
public sealed record WebhookStatus(string Url, int Queued, long Delivered, long Dropped, long Failed, string? LastError);
