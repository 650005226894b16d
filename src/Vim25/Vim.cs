using System.Globalization;
using System.Xml.Linq;

namespace VmwareMcp.Vim25;

/// <summary>Reads values out of vim25 response elements.</summary>
public static class Vim
{
    /// <summary>The well-known ServiceInstance object every session starts from.</summary>
    public static readonly ManagedObjectReference ServiceInstance = new("ServiceInstance", "ServiceInstance");

    /// <summary>A reference from an element with a <c>type</c> attribute, or null.</summary>
    public static ManagedObjectReference? Ref(XElement? element) =>
        element is null ? null : new ManagedObjectReference((string?)element.Attribute("type") ?? string.Empty, element.Value);

    /// <summary>The text of child <paramref name="name"/>, or null.</summary>
    public static string? Text(XElement? parent, string name) => parent?.Element(VimNamespaces.V + name)?.Value;

    /// <summary>Follows a dotted path of child elements (<c>summary.config.numCpu</c>).</summary>
    public static XElement? Path(XElement? element, string dottedPath)
    {
        foreach (var part in dottedPath.Split('.'))
        {
            element = element?.Element(VimNamespaces.V + part);
        }

        return element;
    }

    /// <summary>An integer from text, or null.</summary>
    public static long? Long(XElement? element) =>
        element is not null && long.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A boolean from text, or null.</summary>
    public static bool? Bool(XElement? element) => element is null ? null : element.Value == "true";

    /// <summary>A timestamp from text, or null.</summary>
    public static DateTimeOffset? Time(XElement? element) =>
        element is not null && DateTimeOffset.TryParse(element.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    /// <summary>The <c>xsi:type</c> of an element, or its local name.</summary>
    public static string TypeOf(XElement element) =>
        ((string?)element.Attribute(VimNamespaces.XsiNs + "type"))?.Split(':')[^1] ?? element.Name.LocalName;
}
