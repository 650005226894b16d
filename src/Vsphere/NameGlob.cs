using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace VmwareMcp.Vsphere;

/// <summary>Case-insensitive name globs: <c>*</c> any run, <c>?</c> one character, everything else literal.</summary>
/// <remarks>
/// A list from the live inventory tests every VM's name, so matching is the cost of a cached read: names
/// are first checked against the glob's literal prefix and suffix (no allocation), and only those that pass
/// go to a regex, compiled once per glob.
/// </remarks>
internal static class NameGlob
{
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<string, Func<string, bool>> Compiled = new(StringComparer.Ordinal);

    public static Func<string, bool> Compile(string? glob)
    {
        if (string.IsNullOrEmpty(glob))
        {
            return _ => true;
        }

        if (Compiled.TryGetValue(glob, out var cached))
        {
            return cached;
        }

        var matcher = Build(glob);
        if (Compiled.Count < MaxCached)
        {
            Compiled.TryAdd(glob, matcher);
        }

        return matcher;
    }

    /// <summary>The part of the glob before its first wildcard: every matching name starts with it.</summary>
    public static string LiteralPrefix(string? glob)
    {
        if (string.IsNullOrEmpty(glob))
        {
            return string.Empty;
        }

        var wild = glob.IndexOfAny(['*', '?']);
        return wild < 0 ? glob : glob[..wild];
    }

    private static Func<string, bool> Build(string glob)
    {
        var wild = glob.IndexOfAny(['*', '?']);
        if (wild < 0)
        {
            return name => string.Equals(name, glob, StringComparison.OrdinalIgnoreCase);
        }

        var prefix = glob[..wild];
        var suffix = glob[(glob.LastIndexOfAny(['*', '?']) + 1)..];
        var minLength = glob.Count(c => c != '*');
        var pattern = "^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        return name => name.Length >= minLength
            && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
            && regex.IsMatch(name);
    }
}
