using VmwareMcp.Vim25;
using Xunit;

namespace VmwareMcp.Tests.Vim25;

/// <summary>An answer is read whole into one array, however it arrives.</summary>
public sealed class ResponseBodyTests
{
    [Fact]
    public async Task A_body_larger_than_the_first_array_is_read_whole()
    {
        var bytes = new byte[300_000];
        new Random(8).NextBytes(bytes);

        using var body = await ResponseBody.ReadAsync(new TrickleStream(bytes, 7_000), CancellationToken.None);

        Assert.Equal(bytes, body.Bytes[..body.Length]);
    }

    [Fact]
    public async Task An_empty_body_reads_as_empty()
    {
        using var body = await ResponseBody.ReadAsync(new MemoryStream(), CancellationToken.None);

        Assert.Equal(0, body.Length);
        Assert.Equal(0, body.AsStream().Length);
    }

    [Fact]
    public async Task The_stream_over_it_holds_the_body_and_no_more()
    {
        var bytes = "<Envelope/>"u8.ToArray();

        using var body = await ResponseBody.ReadAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(bytes, body.AsStream().ToArray());
    }

    /// <summary>Hands out at most a few bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, most)], cancellationToken);
    }
}
