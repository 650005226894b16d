using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using VmwareMcp.Abstractions.Errors;
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

    private readonly string _descriptorName;
    private readonly byte[] _descriptorBytes;

    private OvfPackageReader(OvfPackage package, TarReader? archive, string descriptorName, byte[] descriptorBytes)
    {
        (_package, _archive, _descriptorName, _descriptorBytes) = (package, archive, descriptorName, descriptorBytes);
        Descriptor = OvfDescriptor.Parse(Decode(descriptorBytes), package.Source);
    }

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
                    var name = Path.GetFileName(package.Source.Split('?', '#')[0]);
                    return new OvfPackageReader(package, null, name, await ReadBoundedAsync(stream, OvfDescriptor.MaxChars, "descriptor", package.Source, cancellationToken));
                }
            }

            var archive = new TarReader(stream, leaveOpen: false);
            var first = await NextFileAsync(archive, package.Source, cancellationToken);
            if (first is null || !first.Name.EndsWith(".ovf", StringComparison.OrdinalIgnoreCase) || first.DataStream is null)
            {
                throw OvfDescriptor.Invalid(package.Source, "an OVA's first file must be its .ovf descriptor");
            }

            return new OvfPackageReader(package, archive, first.Name, await ReadBoundedAsync(first.DataStream, OvfDescriptor.MaxChars, "descriptor", package.Source, cancellationToken));
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Hands each wanted file to <paramref name="send"/> with its bytes, its length and, when the package has a
    /// manifest, the hash to feed them to (checked when <paramref name="send"/> returns); a wanted file the
    /// package lacks is an error.
    /// </summary>
    public async Task ForEachFileAsync(IReadOnlyDictionary<string, long?> wanted, Func<string, Stream, long?, IncrementalHash?, Task> send, CancellationToken cancellationToken)
    {
        var missing = new HashSet<string>(wanted.Keys, StringComparer.Ordinal);
        OvfManifest? manifest = null;
        async Task SendAsync(string href, Stream data, long? length)
        {
            using var hash = manifest?.HashFor(href);
            await send(href, data, length, hash);
            if (hash is not null)
            {
                manifest!.Check(href, hash);
            }
        }

        if (_archive is null)
        {
            manifest = await BesideManifestAsync(cancellationToken);
            foreach (var (href, declared) in wanted)
            {
                await using var file = await _package.OpenAsync(href, cancellationToken);
                await SendAsync(href, file, file.CanSeek ? file.Length : declared);
                missing.Remove(href);
            }
        }
        else
        {
            while (missing.Count > 0 && await NextFileAsync(_archive, _package.Source, cancellationToken) is { } entry)
            {
                if (entry.Name.EndsWith(".mf", StringComparison.OrdinalIgnoreCase) && entry.DataStream is { } listing)
                {
                    // OVF 2.0 puts the manifest right after the descriptor; after a disk it could no longer vouch for it.
                    manifest = missing.Count == wanted.Count
                        ? ReadManifest(await ReadBoundedAsync(listing, OvfManifest.MaxBytes, "manifest", _package.Source, cancellationToken))
                        : throw OvfDescriptor.Invalid(_package.Source, "its manifest comes after a disk; an OVA's .mf must follow its descriptor");
                }
                else if (missing.Remove(entry.Name) && entry.DataStream is { } data)
                {
                    await SendAsync(entry.Name, data, entry.Length);
                }
            }
        }

        if (missing.Count > 0)
        {
            throw OvfDescriptor.Invalid(_package.Source, $"the package has no file '{missing.First()}', which its descriptor references");
        }
    }

    /// <summary>A plain OVF's manifest: the .mf of the same name beside the descriptor, when there is one.</summary>
    private async Task<OvfManifest?> BesideManifestAsync(CancellationToken cancellationToken)
    {
        Stream listing;
        try
        {
            listing = await _package.OpenAsync(Path.ChangeExtension(_descriptorName, ".mf"), cancellationToken);
        }
        catch (HypervisorException ex) when (ex.Kind == HypervisorErrorKind.NotFound)
        {
            return null;
        }

        await using (listing)
        {
            return ReadManifest(await ReadBoundedAsync(listing, OvfManifest.MaxBytes, "manifest", _package.Source, cancellationToken));
        }
    }

    private OvfManifest ReadManifest(byte[] bytes)
    {
        var manifest = OvfManifest.Parse(Decode(bytes), _package.Source);
        manifest.Check(_descriptorName, _descriptorBytes);
        return manifest;
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

    /// <summary>Reads a whole small file, refusing one over <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]> ReadBoundedAsync(Stream stream, int limit, string what, string source, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > limit
            ? throw OvfDescriptor.Invalid(source, $"its {what} is larger than {limit / 1024} KiB")
            : buffer[..read];
    }

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
