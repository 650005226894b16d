using System.Text.Json.Nodes;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Operations;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.Events;

/// <summary>
/// Watches every target's events and hands each new one to every configured webhook. A target that fails
/// is retried, resuming after the last event it delivered, so an outage loses nothing the endpoint still keeps.
/// </summary>
internal sealed partial class EventWebhooks(
    HostSettings settings,
    TargetProviders targets,
    IHttpClientFactory httpClients,
    TimeProvider time,
    ILogger<EventWebhooks> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly List<WebhookDelivery> _deliveries = settings.Webhooks
        .Select(url => new WebhookDelivery(url, settings.WebhookQueueSize, httpClients.CreateClient(nameof(EventWebhooks)), time, logger))
        .ToList();

    private readonly Dictionary<string, long?> _watching = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps <c>GET /events/webhooks</c>, the status route, into the host's group.</summary>
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/events/webhooks", (EventWebhooks webhooks) => webhooks.Status())
            .WithMetadata(new Abstractions.Policy.PolicyAttribute(Abstractions.Policy.AccessScope.Admin) { Changes = false })
            .WithTags("Operations")
            .WithName("webhook_status").WithSummary("Each webhook's delivered, queued, dropped and failed events, and each target's event watch");

    /// <summary>Hands a message of the host's own (an approval request) to every webhook, beside the events.</summary>
    public void Announce(JsonObject message)
    {
        foreach (var delivery in _deliveries)
        {
            delivery.Enqueue(message.DeepClone());
        }
    }

    /// <summary>Each webhook's counters, and each target's watch (the key it resumes after, null while not watching).</summary>
    public WebhooksStatus Status()
    {
        lock (_watching)
        {
            return new WebhooksStatus(_deliveries.Select(d => d.Status()).ToList(), new Dictionary<string, long?>(_watching));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_deliveries.Count == 0)
        {
            return;
        }

        await Task.WhenAll(
            _deliveries.Select(d => d.RunAsync(stoppingToken))
                .Concat(settings.Targets.Select(t => WatchAsync(t.Name, stoppingToken))));
    }

    private async Task WatchAsync(string target, CancellationToken stoppingToken)
    {
        long? after = null;
        string? lastFailure = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var provider = await targets.GetAsync(target, stoppingToken);
                if (provider.Operations is not { } operations)
                {
                    return;
                }

                after ??= (await operations.QueryEventsAsync(new EventQuery { Limit = 1 }, stoppingToken)).Items.FirstOrDefault()?.Key ?? 0;
                SetWatching(target, after);
                lastFailure = null;
                await foreach (var item in operations.WatchEventsAsync(after, stoppingToken))
                {
                    var payload = new JsonObject { ["target"] = target, ["event"] = UntrustedText.Clean(item) };
                    foreach (var delivery in _deliveries)
                    {
                        delivery.Enqueue(payload.DeepClone());
                    }

                    after = item.Key;
                    SetWatching(target, after);
                }
            }
            catch (Exception ex) when (ex is HypervisorException or HttpRequestException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                SetWatching(target, null);
                if (lastFailure != ex.Message)
                {
                    lastFailure = ex.Message;
                    LogWatchFailed(logger, target, ex.Message);
                }

                await Task.Delay(RetryAfter, time, stoppingToken);
            }
        }
    }

    private void SetWatching(string target, long? after)
    {
        lock (_watching)
        {
            _watching[target] = after;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events of target {Target} cannot be watched for webhooks: {Reason}; retrying")]
    private static partial void LogWatchFailed(ILogger logger, string target, string reason);
}

/// <summary>Webhook deliveries and the event watches that feed them.</summary>
/// <param name="Webhooks">Each webhook's counters.</param>
/// <param name="Watching">Per target, the last event key handed on (null while the target is not being watched).</param>
public sealed record WebhooksStatus(IReadOnlyList<WebhookStatus> Webhooks, IReadOnlyDictionary<string, long?> Watching);
