using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace VmwareMcp.Vsphere;

/// <summary>
/// Hands each changed object id to every current reader, without ever waiting for one: a reader that falls
/// more than <see cref="Capacity"/> ids behind loses the oldest.
/// </summary>
internal sealed class ChangeBroadcast
{
    private const int Capacity = 1024;
    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _readers = [];

    public bool HasReaders
    {
        get
        {
            lock (_gate)
            {
                return _readers.Count > 0;
            }
        }
    }

    public void Publish(string id)
    {
        lock (_gate)
        {
            foreach (var reader in _readers)
            {
                reader.Writer.TryWrite(id);
            }
        }
    }

    public async IAsyncEnumerable<string> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _readers.Add(channel);
        }

        try
        {
            await foreach (var id in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return id;
            }
        }
        finally
        {
            lock (_gate)
            {
                _readers.Remove(channel);
            }
        }
    }
}
