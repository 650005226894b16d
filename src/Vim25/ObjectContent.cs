using System.Xml;
using System.Xml.Linq;

namespace VmwareMcp.Vim25;

/// <summary>One object from the PropertyCollector with the properties asked for (each a <c>val</c> element).</summary>
/// <remarks>
/// Values read by <see cref="RetrieveResultScanner"/> that are plain text (names, states, numbers, references)
/// are kept as text and become elements only when asked for as elements: for a 5,000-VM list the elements
/// cost more than reading the answer.
/// </remarks>
public sealed class ObjectContent
{
    private readonly IReadOnlyDictionary<string, XElement> _elements;

    /// <summary>Text values by path: a handful per object, so an array searched in order costs less than a dictionary.</summary>
    private readonly KeyValuePair<string, LeafValue>[]? _leaves;

    /// <summary>An object with its values as elements.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="properties">Property path → its <c>val</c> element; a property without a value is absent.</param>
    public ObjectContent(ManagedObjectReference obj, IReadOnlyDictionary<string, XElement> properties)
    {
        Obj = obj;
        _elements = properties;
    }

    internal ObjectContent(ManagedObjectReference obj, IReadOnlyDictionary<string, XElement> elements, KeyValuePair<string, LeafValue>[] leaves)
        : this(obj, elements) => _leaves = leaves;

    /// <summary>The object.</summary>
    public ManagedObjectReference Obj { get; }

    /// <summary>Property path → its <c>val</c> element; a property without a value is absent.</summary>
    public IReadOnlyDictionary<string, XElement> Properties
    {
        get
        {
            if (_leaves is null)
            {
                return _elements;
            }

            var all = new Dictionary<string, XElement>(_elements, StringComparer.Ordinal);
            foreach (var (path, leaf) in _leaves)
            {
                all[path] = leaf.ToElement();
            }

            return all;
        }
    }

    /// <summary>The value element of <paramref name="path"/>, or null.</summary>
    public XElement? this[string path] =>
        TryLeaf(path, out var leaf) ? leaf.ToElement() : _elements.GetValueOrDefault(path);

    /// <summary>The text of <paramref name="path"/>, or null.</summary>
    public string? Text(string path) =>
        TryLeaf(path, out var leaf) ? leaf.Text : _elements.GetValueOrDefault(path)?.Value;

    /// <summary>The integer in <paramref name="path"/>, or null.</summary>
    public long? Long(string path) =>
        long.TryParse(Text(path), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The managed object reference in <paramref name="path"/>, or null.</summary>
    public ManagedObjectReference? Ref(string path) =>
        TryLeaf(path, out var leaf) ? new ManagedObjectReference(leaf.RefType ?? string.Empty, leaf.Text) : Vim.Ref(_elements.GetValueOrDefault(path));

    /// <summary>The text value of <paramref name="path"/>; the last one when an answer repeats a path, as a dictionary would keep it.</summary>
    private bool TryLeaf(string path, out LeafValue leaf)
    {
        for (var i = (_leaves?.Length ?? 0) - 1; i >= 0; i--)
        {
            if (string.Equals(_leaves![i].Key, path, StringComparison.Ordinal))
            {
                leaf = _leaves[i].Value;
                return true;
            }
        }

        leaf = default;
        return false;
    }

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
    internal static XElement ReadVal(XmlReader reader)
    {
        var val = new XElement(reader.NamespaceURI == VimNamespaces.Vim ? Val : XName.Get(reader.LocalName, reader.NamespaceURI));
        while (reader.MoveToNextAttribute())
        {
            var name = (reader.LocalName, reader.NamespaceURI) switch
            {
                (_, XmlnsNamespace) => null,
                ("type", VimNamespaces.Xsi) => XsiTypeAttribute,
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
    private static readonly XName XsiTypeAttribute = VimNamespaces.XsiNs + "type";
    private static readonly XName TypeAttribute = "type";

    /// <summary>A value that is only text, with the attributes a <c>val</c> element of it would carry.</summary>
    /// <param name="Text">The text, entities decoded.</param>
    /// <param name="RefType">The <c>type</c> of a managed object reference.</param>
    /// <param name="XsiType">The <c>xsi:type</c> as written, for example <c>xsd:string</c>.</param>
    internal readonly record struct LeafValue(string Text, string? RefType, string? XsiType)
    {
        public XElement ToElement()
        {
            var val = new XElement(Val, Text);
            if (RefType is not null)
            {
                val.Add(new XAttribute(TypeAttribute, RefType));
            }

            if (XsiType is not null)
            {
                val.Add(new XAttribute(XsiTypeAttribute, XsiType));
            }

            return val;
        }
    }
}
