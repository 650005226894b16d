using Microsoft.Extensions.Configuration;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// The <c>ovf</c> key: where deploy_ovf and inspect_ovf may read packages from. Nothing is allowed until the
/// operator says so, because the host reads the files and makes the requests, not the agent.
/// </summary>
public sealed class OvfSourceOptions
{
    /// <summary><c>ovf.allowed_folders</c>: absolute folders whose files (after following links) may be read.</summary>
    [ConfigurationKeyName("allowed_folders")]
    public List<string> AllowedFolders { get; set; } = [];

    /// <summary><c>ovf.allowed_urls</c>: URL prefixes (scheme, host, port and path) a package may be fetched from.</summary>
    [ConfigurationKeyName("allowed_urls")]
    public List<string> AllowedUrls { get; set; } = [];

    /// <summary><c>ovf.allow_http</c>: accept plain-http prefixes in <c>allowed_urls</c> (https only otherwise).</summary>
    [ConfigurationKeyName("allow_http")]
    public bool AllowHttp { get; set; }
}
