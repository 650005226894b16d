namespace VmwareMcp.Host.Configuration;

/// <summary>Normalises <c>vcenter_endpoint</c> (<c>host</c>, <c>host:port</c> or URL) to the SDK URL.</summary>
internal static class EndpointUrl
{
    public static Uri? Parse(string text)
    {
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var builder = new UriBuilder(uri);
        if (builder.Path is "" or "/")
        {
            builder.Path = "/sdk";
        }

        return builder.Uri;
    }
}
