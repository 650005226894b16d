using System.Globalization;
using System.Text;
using System.Xml;

namespace VmwareMcp.Vim25;

/// <summary>
/// Writes a vim25 request. Everything goes through <see cref="XmlWriter"/>, so names with <c>&lt; &amp; " '</c>,
/// any Unicode and <c>]]&gt;</c> are escaped, and characters XML cannot carry are refused, never sent raw.
/// </summary>
public sealed class SoapWriter
{
    private readonly XmlWriter _xml;

    private SoapWriter(XmlWriter xml) => _xml = xml;

    /// <summary>Builds a whole envelope for <paramref name="method"/> on <paramref name="target"/>.</summary>
    /// <param name="method">The vim25 method, for example <c>PowerOnVM_Task</c>.</param>
    /// <param name="target">The object the method is called on (<c>_this</c>).</param>
    /// <param name="body">Writes the method's arguments, in WSDL order.</param>
    /// <exception cref="ArgumentException">An argument holds a character XML cannot carry (for example NUL).</exception>
    public static byte[] Envelope(string method, ManagedObjectReference target, Action<SoapWriter>? body)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = true };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("soapenv", "Envelope", VimNamespaces.Soap);
            xml.WriteAttributeString("xmlns", "xsi", null, VimNamespaces.Xsi);
            xml.WriteAttributeString("xmlns", "xsd", null, VimNamespaces.Xsd);
            xml.WriteStartElement("Body", VimNamespaces.Soap);
            xml.WriteStartElement(method, VimNamespaces.Vim);
            var writer = new SoapWriter(xml);
            writer.Ref("_this", target);
            body?.Invoke(writer);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    /// <summary>A managed object reference element.</summary>
    public SoapWriter Ref(string name, ManagedObjectReference value)
    {
        _xml.WriteStartElement(name, VimNamespaces.Vim);
        _xml.WriteAttributeString("type", value.Type);
        _xml.WriteString(value.Value);
        _xml.WriteEndElement();
        return this;
    }

    /// <summary>A text element; skipped when <paramref name="value"/> is null.</summary>
    public SoapWriter Text(string name, string? value)
    {
        if (value is not null)
        {
            _xml.WriteElementString(name, VimNamespaces.Vim, value);
        }

        return this;
    }

    /// <summary>A number element; skipped when null.</summary>
    public SoapWriter Number(string name, long? value) =>
        value is null ? this : Text(name, value.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean element; skipped when null.</summary>
    public SoapWriter Bool(string name, bool? value) =>
        value is null ? this : Text(name, value.Value ? "true" : "false");

    /// <summary>A complex element, optionally with <c>xsi:type</c>, whose children <paramref name="content"/> writes.</summary>
    public SoapWriter Element(string name, string? xsiType, Action<SoapWriter> content)
    {
        _xml.WriteStartElement(name, VimNamespaces.Vim);
        if (xsiType is not null)
        {
            _xml.WriteAttributeString("type", VimNamespaces.Xsi, xsiType);
        }

        content(this);
        _xml.WriteEndElement();
        return this;
    }

    /// <summary>
    /// An element as a response carried it, children and <c>xsi:type</c> included: for an edit that must
    /// send a device back whole, changed only where the caller writes its own elements instead.
    /// </summary>
    public SoapWriter Copy(System.Xml.Linq.XElement element)
    {
        element.WriteTo(_xml);
        return this;
    }

    /// <summary>A text element with an <c>xsi:type</c> (for <c>anyType</c> slots such as OptionValue.value).</summary>
    public SoapWriter TypedText(string name, string xsiType, string value)
    {
        _xml.WriteStartElement(name, VimNamespaces.Vim);
        _xml.WriteAttributeString("type", VimNamespaces.Xsi, xsiType);
        _xml.WriteString(value);
        _xml.WriteEndElement();
        return this;
    }
}
