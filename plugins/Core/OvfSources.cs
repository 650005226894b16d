using Microsoft.Extensions.Options;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Ovf;

namespace VmwareMcp.Plugins.Core;

/// <summary>Turns a <c>source</c> argument into a package the operator's <c>ovf</c> settings allow, or a 400 saying why not.</summary>
internal sealed class OvfSources(IOptions<OvfSourceOptions> options) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(15) }) { Timeout = Timeout.InfiniteTimeSpan };

    public OvfPackage Resolve(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw Invalid("source is required: the .ovf or .ova file's path on the host, or its http(s) URL");
        }

        var settings = options.Value;
        if (source.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.UserInfo.Length > 0)
            {
                throw Invalid($"source: '{source}' is not an http(s) URL without credentials");
            }

            if (url.Scheme == "http" && !settings.AllowHttp)
            {
                throw Invalid($"source: '{source}' is plain http, which ovf.allow_http does not allow; use https");
            }

            CheckKind(url.AbsolutePath, source);
            return settings.AllowedUrls.Any(prefix => IsUnder(url, new Uri(prefix)))
                ? new UrlOvfPackage(url, _http)
                : throw Invalid($"source: '{source}' is not under a URL that ovf.allowed_urls allows{Configured(settings.AllowedUrls)}");
        }

        if (!Path.IsPathFullyQualified(source))
        {
            throw Invalid($"source: '{source}' is neither an absolute path nor an http(s) URL");
        }

        CheckKind(source, source);
        return FileOvfPackage.Allowed(source, settings.AllowedFolders) is not null
            ? new FileOvfPackage(source, settings.AllowedFolders)
            : throw Invalid($"source: '{source}' is not inside a folder that ovf.allowed_folders allows{Configured(settings.AllowedFolders)}");
    }

    public void Dispose() => _http.Dispose();

    private static void CheckKind(string path, string source)
    {
        if (!path.EndsWith(".ova", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".ovf", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid($"source: '{source}' must name an .ovf or .ova file");
        }
    }

    /// <summary>Same scheme, host and port, and the path inside the prefix's path (compared unescaped segments, so %2e%2e cannot climb out).</summary>
    private static bool IsUnder(Uri url, Uri prefix) =>
        url.Scheme == prefix.Scheme && string.Equals(url.IdnHost, prefix.IdnHost, StringComparison.OrdinalIgnoreCase) && url.Port == prefix.Port
        && !Uri.UnescapeDataString(url.AbsolutePath).Split('/').Contains("..")
        && url.AbsolutePath.StartsWith(prefix.AbsolutePath.EndsWith('/') ? prefix.AbsolutePath : prefix.AbsolutePath + "/", StringComparison.Ordinal);

    private static string Configured(List<string> allowed) => allowed.Count == 0 ? " (it lists none: the operator has not allowed any)" : string.Empty;

    private static HypervisorException Invalid(string message) => new(HypervisorErrorKind.InvalidArgument, message);
}
