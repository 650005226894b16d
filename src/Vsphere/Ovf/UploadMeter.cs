using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Vsphere.Ovf;

/// <summary>
/// Counts the bytes of a package's files as they are read for upload, for the caller's progress and the
/// lease's keep-alive percentage, feeds them to the manifest's hash when there is one, and names the source
/// when reading it fails.
/// </summary>
internal sealed class UploadMeter(long totalBytes, IProgress<int>? progress, string source)
{
    private long _sent;
    private int _reported = -1;

    /// <summary>The share sent so far, 0-99: 100 is said only when the lease completes.</summary>
    public int Percent => totalBytes <= 0 ? 0 : (int)Math.Min(99, Interlocked.Read(ref _sent) * 100 / totalBytes);

    /// <summary>The file's bytes, counted (and hashed); ending before <paramref name="length"/> is the package's fault, said as such.</summary>
    public Stream Wrap(Stream inner, string file, long? length, System.Security.Cryptography.IncrementalHash? hash) => new MeteredStream(inner, this, file, length, hash);

    private void Add(int bytes)
    {
        Interlocked.Add(ref _sent, bytes);
        var percent = Percent;
        if (Interlocked.Exchange(ref _reported, percent) != percent)
        {
            progress?.Report(percent);
        }
    }

    private sealed class MeteredStream(Stream inner, UploadMeter meter, string file, long? length, System.Security.Cryptography.IncrementalHash? hash) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                var n = await inner.ReadAsync(buffer, cancellationToken);
                return Count(buffer.Span[..n]);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidDataException)
            {
                throw new HypervisorException(HypervisorErrorKind.Unavailable, $"reading source '{meter.Source}' failed: {ex.Message}", innerException: ex);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(ReadOnlySpan<byte> bytes)
        {
            var n = bytes.Length;
            hash?.AppendData(bytes);
            _read += n;
            if (n == 0 && length is { } expected && _read < expected)
            {
                throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"source '{meter.Source}': '{file}' ends after {_read} of its {expected} bytes; the package is cut off or damaged");
            }

            meter.Add(n);
            return n;
        }
    }

    private string Source => source;
}
