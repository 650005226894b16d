using System.Xml;
using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Ovf;

namespace VmwareMcp.Vsphere.Ovf;

/// <summary>
/// An OVF descriptor as text (sent to CreateImportSpec as it is) and the few names read from it: networks,
/// file references, deployment options and properties. Elements are matched by local name, so OVF 1.x and
/// 2.x descriptors read alike; a DTD is refused, so a descriptor cannot make the host expand entities.
/// </summary>
internal sealed class OvfDescriptor
{
    /// <summary>The largest descriptor read: real ones are tens of KiB.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, MaxCharactersInDocument = MaxChars, XmlResolver = null };

    private OvfDescriptor(string text, OvfSummary summary) => (Text, Summary) = (text, summary);

    public string Text { get; }

    public OvfSummary Summary { get; }

    public static OvfDescriptor Parse(string text, string source)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw Invalid(source, $"its descriptor is not well-formed XML ({ex.Message})");
        }

        var root = document.Root;
        if (root?.Name.LocalName != "Envelope")
        {
            throw Invalid(source, "its descriptor is not an OVF Envelope");
        }

        var files = Sections(root, "References").Elements().Where(e => e.Name.LocalName == "File")
            .Select(f => new OvfFileInfo { Href = CheckedHref(Attribute(f, "href"), source), SizeBytes = long.TryParse(Attribute(f, "size"), out var size) ? size : null })
            .ToList();
        var system = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "VirtualSystem");
        var product = system?.Elements().FirstOrDefault(e => e.Name.LocalName == "ProductSection");
        return new OvfDescriptor(text, new OvfSummary
        {
            Name = system is null ? null : Child(system, "Name") ?? Attribute(system, "id"),
            Product = product is null ? null : string.Join(' ', new[] { Child(product, "Product"), Child(product, "Version") }.Where(p => p is not null)),
            Networks = Named(Sections(root, "NetworkSection"), "Network", "name"),
            Files = files,
            DeploymentOptions = Named(Sections(root, "DeploymentOptionSection"), "Configuration", "id"),
            Properties = Named(root.Descendants().Where(e => e.Name.LocalName == "ProductSection"), "Property", "key"),
        });
    }

    /// <summary>
    /// A file reference must be a plain name inside the package: an absolute path, a URL or <c>..</c> would
    /// make the host read what the operator did not allow.
    /// </summary>
    private static string CheckedHref(string? href, string source)
    {
        if (string.IsNullOrWhiteSpace(href) || href.Contains(':') || href.Contains('\\') || href.StartsWith('/')
            || href.Split('/').Any(part => part is ".." or "." or "") || href.Any(char.IsControl))
        {
            throw Invalid(source, $"its descriptor references the file '{href}', which is not a plain relative name inside the package");
        }

        return href;
    }

    private static IEnumerable<XElement> Sections(XElement root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    private static List<string> Named(IEnumerable<XElement> sections, string element, string attribute) =>
        sections.Elements().Where(e => e.Name.LocalName == element).Select(e => Attribute(e, attribute)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static string? Attribute(XElement element, string localName) => element.Attributes().FirstOrDefault(a => a.Name.LocalName == localName)?.Value;

    private static string? Child(XElement element, string localName) => element.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();

    /// <summary>A 400 naming the <c>source</c> argument and what is wrong with the package.</summary>
    public static HypervisorException Invalid(string source, string why) =>
        new(HypervisorErrorKind.InvalidArgument, $"source '{source}': {why}");
}
