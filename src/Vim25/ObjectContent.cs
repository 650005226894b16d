using System.Xml;
using System.Xml.Linq;

namespace VmwareMcp.Vim25;

/// <summary>One object from the PropertyCollector with the properties asked for (each a <c>val</c> element).</summary>
/// <param name="Obj">The object.</param>
/// <param name="Properties">Property path → its <c>val</c> element; a property without a value is absent.</param>
public sealed record ObjectContent(ManagedObjectReference Obj, IReadOnlyDictionary<string, XElement> Properties)
{
    /// <summary>The value element of <paramref name="path"/>, or null.</summary>
    public XElement? this[string path] => Properties.GetValueOrDefault(path);

    /// <summary>The text of <paramref name="path"/>, or null.</summary>
    public string? Text(string path) => this[path]?.Value;

    /// <summary>The managed object reference in <paramref name="path"/>, or null.</summary>
    public ManagedObjectReference? Ref(string path) => Vim.Ref(this[path]);

    /// <summary>The references in an array-valued <paramref name="path"/> (<c>ArrayOfManagedObjectReference</c>).</summary>
    public IEnumerable<ManagedObjectReference> Refs(string path) =>
        this[path]?.Elements().Select(e => Vim.Ref(e)!.Value) ?? [];

    /// <summary>
    /// Reads one <c>objects</c> element the reader is on and leaves the reader after it. Only each <c>val</c>
    /// becomes an XElement: building the whole <c>objects</c> tree and keeping its values alive made the
    /// garbage collector promote several times as many nodes, which cost more than the network for a
    /// 5,000-VM list.
    /// </summary>
    internal static ObjectContent Read(XmlReader reader)
    {
        ManagedObjectReference? obj = null;
        var properties = new Dictionary<string, XElement>(8, StringComparer.Ordinal);
        foreach (var _ in Children(reader))
        {
            switch (reader.LocalName)
            {
                case "obj":
                    var type = reader.GetAttribute("type") ?? string.Empty;
                    obj = new ManagedObjectReference(type, reader.ReadElementContentAsString());
                    break;
                case "propSet":
                    ReadPropSet(reader, properties);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new ObjectContent(obj ?? throw new XmlException("an objects element without obj"), properties);
    }

    private static void ReadPropSet(XmlReader reader, Dictionary<string, XElement> properties)
    {
        string? name = null;
        XElement? val = null;
        foreach (var _ in Children(reader))
        {
            switch (reader.LocalName)
            {
                case "name":
                    name = reader.ReadElementContentAsString();
                    break;
                case "val":
                    val = ReadVal(reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (name is not null && val is not null)
        {
            properties[name] = val;
        }
    }

    /// <summary>The value element with its own attributes (not namespace declarations) and content.</summary>
    private static XElement ReadVal(XmlReader reader)
    {
        var val = new XElement(reader.NamespaceURI == VimNamespaces.Vim ? Val : XName.Get(reader.LocalName, reader.NamespaceURI));
        while (reader.MoveToNextAttribute())
        {
            var name = (reader.LocalName, reader.NamespaceURI) switch
            {
                (_, XmlnsNamespace) => null,
                ("type", VimNamespaces.Xsi) => XsiType,
                ("type", "") => TypeAttribute,
                var (local, ns) => XName.Get(local, ns),
            };
            if (name is not null)
            {
                val.Add(new XAttribute(name, reader.Value));
            }
        }

        reader.MoveToElement();
        foreach (var _ in Children(reader, text: val.Add))
        {
            val.Add(XNode.ReadFrom(reader));
        }

        return val;
    }

    /// <summary>
    /// Yields once per child element of the element the reader is on, positioned on it; the caller must
    /// consume that child. Text between them goes to <paramref name="text"/> when given. Ends after the
    /// parent's end tag.
    /// </summary>
    private static IEnumerable<bool> Children(XmlReader reader, Action<string>? text = null)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            yield break;
        }

        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                yield return true;
            }
            else
            {
                if (text is not null && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                {
                    text(reader.Value);
                }

                reader.Read();
            }
        }

        reader.Read();
    }

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private static readonly XName Val = VimNamespaces.V + "val";
    private static readonly XName XsiType = VimNamespaces.XsiNs + "type";
    private static readonly XName TypeAttribute = "type";
}
