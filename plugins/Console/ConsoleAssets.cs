using System.Collections.Frozen;
using System.Security.Cryptography;

namespace VmwareMcp.Plugins.Console;

/// <summary>The console's files, read once from the assembly's embedded resources, each with its type and ETag.</summary>
internal sealed class ConsoleAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, Asset> _assets;

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        _assets = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("console/", StringComparison.Ordinal))
            .ToFrozenDictionary(n => n["console/".Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                return new Asset(bytes, ContentTypes.GetValueOrDefault(Path.GetExtension(n), "application/octet-stream"), $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"");
            }, StringComparer.Ordinal);
    }

    /// <summary>The file at <paramref name="path"/> (for example <c>console.js</c>), or null.</summary>
    public Asset? Find(string path) => _assets.GetValueOrDefault(path);

    /// <summary>One file: its bytes, its content type and an entity tag for revalidation.</summary>
    internal sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
