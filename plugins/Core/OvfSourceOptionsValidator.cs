using Microsoft.Extensions.Options;

namespace VmwareMcp.Plugins.Core;

/// <summary>Checks the <c>ovf</c> key at start; each failure names the key, what it accepts and the value found.</summary>
internal sealed class OvfSourceOptionsValidator : IValidateOptions<OvfSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, OvfSourceOptions options)
    {
        var failures = new List<string>();
        foreach (var folder in options.AllowedFolders)
        {
            if (string.IsNullOrWhiteSpace(folder) || !Path.IsPathFullyQualified(folder))
            {
                failures.Add($"ovf.allowed_folders: expected an absolute folder path, found '{folder}'");
            }
        }

        foreach (var url in options.AllowedUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var prefix) || prefix.Scheme is not ("https" or "http") || prefix.UserInfo.Length > 0)
            {
                failures.Add($"ovf.allowed_urls: expected an http(s) URL prefix without credentials, found '{url}'");
            }
            else if (prefix.Scheme == "http" && !options.AllowHttp)
            {
                failures.Add($"ovf.allowed_urls: '{url}' is plain http; set ovf.allow_http: true to allow it, or use https");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
