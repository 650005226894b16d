using System.Formats.Tar;
using System.Text;
using VmwareMcp.Abstractions.Ovf;

namespace VmwareMcp.Vsphere.Ovf;

/// <summary>
/// Reads an <see cref="OvfPackage"/> once: the descriptor first, then each file the import wants. An OVA is
/// read as a stream of tar entries in the archive's order and never unpacked to disk; a plain OVF opens each
/// file beside the descriptor.
/// </summary>
internal sealed class OvfPackageReader : IAsyncDisposable
{
    private readonly OvfPackage _package;
    private readonly TarReader? _archive;

    private OvfPackageReader(OvfPackage package, TarReader? archive, OvfDescriptor descriptor) => (_package, _archive, Descriptor) = (package, archive, descriptor);

    public OvfDescriptor Descriptor { get; }

    public static async Task<OvfPackageReader> OpenAsync(OvfPackage package, CancellationToken cancellationToken)
    {
        var stream = await package.OpenAsync(null, cancellationToken);
        try
        {
            if (!package.IsArchive)
            {
                await using (stream)
                {
                    return new OvfPackageReader(package, null, OvfDescriptor.Parse(await ReadTextAsync(stream, package.Source, cancellationToken), package.Source));
                }
            }

            var archive = new TarReader(stream, leaveOpen: false);
            var first = await NextFileAsync(archive, package.Source, cancellationToken);
            if (first is null || !first.Name.EndsWith(".ovf", StringComparison.OrdinalIgnoreCase) || first.DataStream is null)
            {
                throw OvfDescriptor.Invalid(package.Source, "an OVA's first file must be its .ovf descriptor");
            }

            return new OvfPackageReader(package, archive, OvfDescriptor.Parse(await ReadTextAsync(first.DataStream, package.Source, cancellationToken), package.Source));
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>Hands each wanted file to <paramref name="send"/> with its bytes and length; a wanted file the package lacks is an error.</summary>
    public async Task ForEachFileAsync(IReadOnlyDictionary<string, long?> wanted, Func<string, Stream, long?, Task> send, CancellationToken cancellationToken)
    {
        var missing = new HashSet<string>(wanted.Keys, StringComparer.Ordinal);
        if (_archive is null)
        {
            foreach (var (href, declared) in wanted)
            {
                await using var file = await _package.OpenAsync(href, cancellationToken);
                await send(href, file, file.CanSeek ? file.Length : declared);
                missing.Remove(href);
            }
        }
        else
        {
            while (missing.Count > 0 && await NextFileAsync(_archive, _package.Source, cancellationToken) is { } entry)
            {
                if (missing.Remove(entry.Name) && entry.DataStream is { } data)
                {
                    await send(entry.Name, data, entry.Length);
                }
            }
        }

        if (missing.Count > 0)
        {
            throw OvfDescriptor.Invalid(_package.Source, $"the package has no file '{missing.First()}', which its descriptor references");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_archive is not null)
        {
            await _archive.DisposeAsync();
        }
    }

    private sealed record Entry(string Name, Stream? DataStream, long Length);

    private static async Task<Entry?> NextFileAsync(TarReader archive, string source, CancellationToken cancellationToken)
    {
        try
        {
            while (await archive.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                    return new Entry(name, entry.DataStream, entry.Length);
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            throw OvfDescriptor.Invalid(source, $"it is not a readable OVA (tar) archive: {ex.Message}");
        }
    }

    private static async Task<string> ReadTextAsync(Stream stream, string source, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var buffer = new char[OvfDescriptor.MaxChars + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > OvfDescriptor.MaxChars
            ? throw OvfDescriptor.Invalid(source, $"its descriptor is larger than {OvfDescriptor.MaxChars / (1024 * 1024)} MiB")
            : new string(buffer, 0, read);
    }
}
