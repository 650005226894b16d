using System.Text.RegularExpressions;

namespace VmwareMcp.Vsphere;

/// <summary>Case-insensitive name globs: <c>*</c> any run, <c>?</c> one character, everything else literal.</summary>
internal static class NameGlob
{
    public static Func<string, bool> Compile(string? glob)
    {
        if (string.IsNullOrEmpty(glob))
        {
            return _ => true;
        }

        var pattern = "^" + Regex.Escape(glob).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        return regex.IsMatch;
    }
}
