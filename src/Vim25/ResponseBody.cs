using System.Buffers;

namespace VmwareMcp.Vim25;

/// <summary>
/// A response body read whole into one pooled array: the byte scan of a RetrievePropertiesEx answer needs it
/// contiguous, and a 5,000-VM answer is several megabytes that a fresh large-object-heap array per call would
/// turn into full garbage collections.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    /// <summary>Bodies up to this size are pooled; larger ones (tens of thousands of objects) are allocated.</summary>
    private const int MaxPooledLength = 32 * 1024 * 1024;

    private const int FirstLength = 16 * 1024;

    /// <summary>No vim25 answer comes near this; a stream that does is refused rather than grown without end.</summary>
    private const int MaxLength = 1024 * 1024 * 1024;

    /// <summary>At most four arrays of each size are kept while idle, so what the pool holds stays bounded.</summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(MaxPooledLength, 4);

    private ResponseBody(byte[] bytes) => Bytes = bytes;

    /// <summary>The array holding the body; valid bytes end at <see cref="Length"/>.</summary>
    public byte[] Bytes { get; private set; }

    /// <summary>The body's length.</summary>
    public int Length { get; private set; }

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    public static async Task<ResponseBody> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var body = new ResponseBody(Pool.Rent(FirstLength));
        try
        {
            while (true)
            {
                if (body.Length == body.Bytes.Length)
                {
                    body.Grow();
                }

                var read = await stream.ReadAsync(body.Bytes.AsMemory(body.Length), cancellationToken);
                if (read == 0)
                {
                    return body;
                }

                body.Length += read;
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>The body as a read-only stream over the same array.</summary>
    public MemoryStream AsStream() => new(Bytes, 0, Length, writable: false);

    private void Grow()
    {
        if (Bytes.Length >= MaxLength)
        {
            throw new IOException($"the answer is larger than {MaxLength / (1024 * 1024)} MiB");
        }

        var larger = Pool.Rent(Bytes.Length * 2);
        Bytes.AsSpan(0, Length).CopyTo(larger);
        Pool.Return(Bytes);
        Bytes = larger;
    }

    /// <summary>Gives the array back to the pool.</summary>
    public void Dispose()
    {
        var bytes = Bytes;
        Bytes = [];
        if (bytes.Length > 0)
        {
            Pool.Return(bytes);
        }
    }
}
