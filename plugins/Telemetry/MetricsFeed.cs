using System.Collections.Concurrent;
using System.Threading.Channels;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>Fans each new sample and status change out to the SSE subscribers, never blocking the collector.</summary>
internal sealed class MetricsFeed
{
    private readonly ConcurrentDictionary<Channel<object>, byte> _subscribers = new();

    public void Publish(object item)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Writer.TryWrite(item);
        }
    }

    /// <summary>Events from now on, until <paramref name="cancellationToken"/> fires; a slow reader loses the oldest.</summary>
    public async IAsyncEnumerable<object> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<object>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers.TryAdd(channel, 0);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
        }
    }
}
