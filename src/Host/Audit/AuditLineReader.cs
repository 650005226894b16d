using System.Buffers;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// Reads an audit file line by line up to a fixed end, holding one line at a time: a line longer than the
/// bound is skipped whole, so no file (or device) can make a read of the log grow without limit. Used once,
/// at start, to import a JSON-lines log an older host wrote.
/// </summary>
internal sealed class AuditLineReader(Stream stream, long end, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private long _read;
    private int _start;
    private int _count;
    private bool _skipping;

    /// <summary>The next line without its newline, or null at the end.</summary>
    public byte[]? Next()
    {
        while (true)
        {
            if (_start == _count)
            {
                var wanted = (int)Math.Min(_buffer.Length, end - _read);
                _count = wanted <= 0 ? 0 : stream.Read(_buffer.AsSpan(0, wanted));
                _start = 0;
                _read += _count;
                if (_count == 0)
                {
                    return Take(final: true);
                }
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _count - _start);
            var stop = newline < 0 ? _count : newline;
            if (!_skipping)
            {
                _line.Write(_buffer.AsSpan(_start, stop - _start));
                _skipping = _line.WrittenCount > maxLineBytes;
            }

            _start = newline < 0 ? _count : newline + 1;
            if (newline >= 0)
            {
                return Take(final: false);
            }
        }
    }

    /// <summary>The line gathered so far (empty when it was too long), or null at the end with nothing gathered.</summary>
    private byte[]? Take(bool final)
    {
        if (final && _line.WrittenCount == 0 && !_skipping)
        {
            return null;
        }

        var line = _skipping ? [] : _line.WrittenSpan.ToArray();
        _line.Clear();
        _skipping = false;
        return line;
    }
}
