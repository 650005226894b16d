using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Operations;

namespace VmwareMcp.Vsphere;

/// <summary>
/// One event watch per target, shared by every subscriber (the SSE feed, webhooks): a single
/// EventHistoryCollector whatever the number of listeners, kept until the provider is disposed. Each
/// subscriber gets its own bounded queue; one that falls behind loses its oldest events, never the others'.
/// </summary>
/// <param name="watch">The endpoint's events as they happen, starting with the recent ones it still holds.</param>
/// <param name="logger">Where a lost watch is reported.</param>
internal sealed partial class EventFeed(Func<CancellationToken, IAsyncEnumerable<EventInfo>> watch, ILogger logger) : IAsyncDisposable
{
    private const int QueueSize = 1000;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private readonly List<Channel<EventInfo>> _subscribers = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task? _pump;

    /// <summary>Starts receiving events (the watch starts with the first subscriber); dispose the result to stop.</summary>
    /// <param name="events">The subscriber's queue.</param>
    public IDisposable Subscribe(out ChannelReader<EventInfo> events)
    {
        var channel = Channel.CreateBounded<EventInfo>(new BoundedChannelOptions(QueueSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
            _pump ??= Task.Run(() => PumpAsync(_stopping.Token));
        }

        events = channel.Reader;
        return new Subscription(this, channel);
    }

    private async Task PumpAsync(CancellationToken stoppingToken)
    {
        string? lastFailure = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var item in watch(stoppingToken))
                {
                    lastFailure = null;
                    lock (_gate)
                    {
                        foreach (var subscriber in _subscribers)
                        {
                            subscriber.Writer.TryWrite(item);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is HypervisorException or HttpRequestException && !stoppingToken.IsCancellationRequested)
            {
                if (lastFailure != ex.Message)
                {
                    lastFailure = ex.Message;
                    LogWatchLost(logger, ex.Message);
                }

                await Task.Delay(RetryAfter, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_pump is { } pump)
        {
            await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event watch was lost: {Reason}; retrying")]
    private static partial void LogWatchLost(ILogger logger, string reason);

    private sealed class Subscription(EventFeed feed, Channel<EventInfo> channel) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._gate)
            {
                feed._subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        }
    }
}
