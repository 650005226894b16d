using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace VmwareMcp.Vim25;

/// <summary>
/// Reads the objects of a RetrievePropertiesEx answer straight from its bytes: the few shapes a RetrieveResult
/// has (returnval, token, objects, obj, propSet, name, val, missingSet), with text values kept as text. A
/// value with child elements is handed to an XmlReader in the namespaces of the envelope.
/// </summary>
/// <remarks>
/// For a 5,000-VM list an XmlReader alone takes about as long as building all the elements; this takes a
/// fraction of it. Anything outside those shapes (CDATA, comments, prefixed element names, a value inside a
/// value) makes the scan stop, and the caller reads the answer with an XmlReader from the object the scan
/// stopped at: objects already handed on are not handed on twice.
/// </remarks>
internal sealed partial class RetrieveResultScanner
{
    private static readonly XmlReaderSettings FragmentSettings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
    };

    /// <summary>Distinct names kept: a schema has few, and a lookup by scan must stay short whatever an answer holds.</summary>
    private const int MaxNames = 128;

    private readonly byte[] _body;
    private readonly int _length;
    private readonly List<(byte[] Bytes, string Text)> _names = [];
    private readonly List<KeyValuePair<string, ObjectContent.LeafValue>> _leaves = [];
    private XmlParserContext? _context;
    private int _at;

    private RetrieveResultScanner(byte[] body, int length)
    {
        _body = body;
        _length = length;
    }

    /// <summary>
    /// Hands each object of the answer to <paramref name="each"/>; false when the scan stopped, with
    /// <paramref name="delivered"/> objects already handed on.
    /// </summary>
    /// <param name="body">The whole answer; valid bytes end at <paramref name="length"/>.</param>
    /// <param name="length">The answer's length.</param>
    /// <param name="each">Receives the objects in the answer's order.</param>
    /// <param name="token">The continuation token, if any (only when the scan succeeded).</param>
    /// <param name="delivered">How many objects were handed on.</param>
    public static bool TryRead(byte[] body, int length, Action<ObjectContent> each, out string? token, out int delivered)
    {
        token = null;
        delivered = 0;
        var span = body.AsSpan(0, length);
        if (span.IndexOf("<![CDATA["u8) >= 0 || span.IndexOf("<!--"u8) >= 0)
        {
            return false;
        }

        var scanner = new RetrieveResultScanner(body, length);
        try
        {
            return scanner.Read(each, out token, ref delivered);
        }
        catch (ShapeException)
        {
            token = null;
            return false;
        }
        catch (XmlException)
        {
            token = null;
            return false;
        }
    }

    private bool Read(Action<ObjectContent> each, out string? token, ref int delivered)
    {
        token = null;
        var start = Span.IndexOf("<returnval>"u8);
        if (start < 0)
        {
            return false;
        }

        _at = start + "<returnval>"u8.Length;
        while (true)
        {
            SkipWhitespace();
            if (TryTake("</returnval>"u8))
            {
                return true;
            }

            if (TryTake("<token>"u8))
            {
                token = TextUntil("</token>"u8);
            }
            else if (TryTake("<objects>"u8))
            {
                each(ReadObject());
                delivered++;
            }
            else
            {
                throw new ShapeException();
            }
        }
    }

    private ReadOnlySpan<byte> Span => _body.AsSpan(0, _length);

    private ObjectContent ReadObject()
    {
        SkipWhitespace();
        Take("<obj"u8);
        var (type, _, closed) = Attributes();
        var obj = new ManagedObjectReference(type ?? string.Empty, closed ? string.Empty : TextUntil("</obj>"u8));
        Dictionary<string, XElement>? elements = null;
        _leaves.Clear();
        while (true)
        {
            SkipWhitespace();
            if (TryTake("</objects>"u8))
            {
                return new ObjectContent(obj, (IReadOnlyDictionary<string, XElement>?)elements ?? EmptyElements, _leaves.ToArray());
            }

            if (TryTake("<missingSet>"u8))
            {
                Skip("</missingSet>"u8);
                continue;
            }

            Take("<propSet>"u8);
            SkipWhitespace();
            Take("<name>"u8);
            var name = Name(Until("<"u8));
            Take("</name>"u8);
            SkipWhitespace();
            if (TryTake("</propSet>"u8))
            {
                continue;
            }

            var valStart = _at;
            Take("<val"u8);
            var (refType, xsiType, empty) = Attributes();
            if (empty)
            {
                _leaves.Add(new(name, new ObjectContent.LeafValue(string.Empty, refType, xsiType)));
            }
            else
            {
                var text = Until("<"u8);
                if (TryTake("</val>"u8))
                {
                    _leaves.Add(new(name, new ObjectContent.LeafValue(Decode(text), refType, xsiType)));
                }
                else
                {
                    (elements ??= new Dictionary<string, XElement>(StringComparer.Ordinal))[name] = ComplexValue(valStart);
                }
            }

            SkipWhitespace();
            Take("</propSet>"u8);
        }
    }

    /// <summary>A value with child elements, read by an XmlReader in the envelope's namespaces.</summary>
    private XElement ComplexValue(int valStart)
    {
        var end = Span[valStart..].IndexOf("</val>"u8);
        if (end < 0 || Span.Slice(valStart + 4, end - 4).IndexOf("<val"u8) >= 0)
        {
            throw new ShapeException();
        }

        var length = end + "</val>"u8.Length;
        _context ??= EnvelopeContext();
        using var reader = XmlReader.Create(new MemoryStream(_body, valStart, length, writable: false), FragmentSettings, _context);
        reader.MoveToContent();
        var val = ObjectContent.ReadVal(reader);
        _at = valStart + length;
        return val;
    }

    /// <summary>The namespaces declared before the result, where vCenter declares <c>xsi</c> and the default.</summary>
    private XmlParserContext EnvelopeContext()
    {
        var names = new NameTable();
        var scope = new XmlNamespaceManager(names);
        var head = Encoding.UTF8.GetString(Span[..Span.IndexOf("<returnval>"u8)]);
        foreach (Match declaration in NamespaceDeclaration().Matches(head))
        {
            scope.AddNamespace(declaration.Groups[1].Value, WebUtility.HtmlDecode(declaration.Groups[3].Value));
        }

        return new XmlParserContext(names, scope, null, XmlSpace.None, Encoding.UTF8);
    }

    /// <summary>Reads the attributes of the tag just opened: its <c>type</c>, a prefixed <c>type</c> (xsi), and whether it closed itself.</summary>
    private (string? Type, string? XsiType, bool SelfClosing) Attributes()
    {
        string? type = null, xsiType = null;
        if (_at < _length && _body[_at] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/'))
        {
            throw new ShapeException(); // A longer name that only starts like the one expected.
        }

        while (true)
        {
            SkipWhitespace();
            if (TryTake("/>"u8))
            {
                return (type, xsiType, true);
            }

            if (TryTake(">"u8))
            {
                return (type, xsiType, false);
            }

            var name = Until("="u8).TrimEnd(" \t\r\n"u8);
            _at++;
            SkipWhitespace();
            var quote = _at < _length ? _body[_at] : (byte)0;
            if (quote is not ((byte)'"' or (byte)'\''))
            {
                throw new ShapeException();
            }

            _at++;
            var value = Until([quote]);
            _at++;
            if (name.SequenceEqual("type"u8))
            {
                type = Name(value);
            }
            else if (name.EndsWith(":type"u8) && !name.StartsWith("xmlns"u8))
            {
                xsiType = Name(value);
            }
        }
    }

    /// <summary>A property, type or attribute value that recurs: one string per distinct value however often it occurs.</summary>
    private string Name(ReadOnlySpan<byte> bytes)
    {
        foreach (var (known, text) in _names)
        {
            if (bytes.SequenceEqual(known))
            {
                return text;
            }
        }

        var name = Decode(bytes);
        if (_names.Count < MaxNames)
        {
            _names.Add((bytes.ToArray(), name));
        }

        return name;
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (bytes.IndexOfAny((byte)'&', (byte)'\r') < 0)
        {
            return text;
        }

        // As an XML parser reads text: line ends normalized to \n, then entity and character references decoded.
        return WebUtility.HtmlDecode(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
    }

    private string TextUntil(ReadOnlySpan<byte> end)
    {
        var text = Decode(Until("<"u8));
        Take(end);
        return text;
    }

    /// <summary>The bytes from here to <paramref name="stop"/>, leaving the position on it.</summary>
    private ReadOnlySpan<byte> Until(ReadOnlySpan<byte> stop)
    {
        var length = Span[_at..].IndexOf(stop);
        if (length < 0)
        {
            throw new ShapeException();
        }

        var bytes = Span.Slice(_at, length);
        _at += length;
        return bytes;
    }

    private void Skip(ReadOnlySpan<byte> past)
    {
        Until(past);
        _at += past.Length;
    }

    private void SkipWhitespace()
    {
        while (_at < _length && _body[_at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            _at++;
        }
    }

    private bool TryTake(ReadOnlySpan<byte> expected)
    {
        if (!Span[_at..].StartsWith(expected))
        {
            return false;
        }

        _at += expected.Length;
        return true;
    }

    private void Take(ReadOnlySpan<byte> expected)
    {
        if (!TryTake(expected))
        {
            throw new ShapeException();
        }
    }

    private static readonly IReadOnlyDictionary<string, XElement> EmptyElements = new Dictionary<string, XElement>();

    [GeneratedRegex("""xmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(["'])(.*?)\2""")]
    private static partial Regex NamespaceDeclaration();

    /// <summary>The answer is outside the shapes the scan reads.</summary>
    private sealed class ShapeException : Exception;
}
