using System.Security.Cryptography;
using System.Text.RegularExpressions;
using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Vsphere.Ovf;

/// <summary>
/// A package's <c>.mf</c>: one digest per file (<c>SHA256(disk1.vmdk)= 3f…</c>, also SHA1 and SHA512). Every
/// file uploaded is hashed as it streams and checked the moment it ends, so a corrupted or altered package
/// fails before the lease completes, and the import is aborted with nothing left behind.
/// </summary>
internal sealed partial class OvfManifest
{
    /// <summary>A manifest is a line per file; anything larger is not one.</summary>
    public const int MaxBytes = 1024 * 1024;

    private readonly Dictionary<string, (HashAlgorithmName Algorithm, string Digest)> _digests;
    private readonly string _source;

    private OvfManifest(Dictionary<string, (HashAlgorithmName, string)> digests, string source) => (_digests, _source) = (digests, source);

    [GeneratedRegex(@"^(SHA1|SHA256|SHA512)\((.+)\)\s*=\s*([0-9A-Fa-f]+)$")]
    private static partial Regex Line();

    public static OvfManifest Parse(string text, string source)
    {
        var digests = new Dictionary<string, (HashAlgorithmName, string)>(StringComparer.Ordinal);
        foreach (var (line, number) in text.Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(l => l.Item1.Length > 0))
        {
            var match = Line().Match(line);
            if (!match.Success)
            {
                throw OvfDescriptor.Invalid(source, $"its manifest's line {number} is not 'SHA256(file)= digest' (SHA1, SHA256 or SHA512)");
            }

            digests[match.Groups[2].Value] = (new HashAlgorithmName(match.Groups[1].Value), match.Groups[3].Value.ToUpperInvariant());
        }

        return new OvfManifest(digests, source);
    }

    /// <summary>A hash to feed <paramref name="file"/>'s bytes to; every file of a package with a manifest must be listed in it.</summary>
    public IncrementalHash HashFor(string file) => _digests.TryGetValue(file, out var entry)
        ? IncrementalHash.CreateHash(entry.Algorithm)
        : throw OvfDescriptor.Invalid(_source, $"its manifest lists no digest for '{file}'; a manifest must cover every file");

    /// <summary>Checks the bytes <paramref name="hash"/> saw against the manifest.</summary>
    /// <exception cref="HypervisorException">They differ (InvalidArgument: the package, not the host, is wrong).</exception>
    public void Check(string file, IncrementalHash hash)
    {
        var (algorithm, expected) = _digests[file];
        var actual = Convert.ToHexString(hash.GetHashAndReset());
        if (actual != expected)
        {
            throw OvfDescriptor.Invalid(_source, $"'{file}' does not match its manifest: its {algorithm.Name} is {actual.ToLowerInvariant()}, the manifest says {expected.ToLowerInvariant()}; the package is damaged or was altered");
        }
    }

    /// <summary>Checks a file already read whole (the descriptor).</summary>
    public void Check(string file, ReadOnlySpan<byte> bytes)
    {
        using var hash = HashFor(file);
        hash.AppendData(bytes);
        Check(file, hash);
    }
}
