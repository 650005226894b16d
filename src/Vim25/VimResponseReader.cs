using System.Xml;
using System.Xml.Linq;

namespace VmwareMcp.Vim25;

/// <summary>Reads vim25 responses (buffered by the client) without building a whole document.</summary>
internal static class VimResponseReader
{
    public static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
    };

    /// <summary>Moves to the first element inside soapenv:Body; throws the fault if that is what it is.</summary>
    public static void MoveToResponse(XmlReader reader)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Body" && reader.NamespaceURI == VimNamespaces.Soap)
            {
                break;
            }
        }

        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "Fault")
                {
                    var fault = (XElement)XNode.ReadFrom(reader);
                    throw ParseFault(fault);
                }

                return;
            }
        }

        throw new XmlException("the response has no SOAP body");
    }

    /// <summary>Reads every <c>returnval</c> of the response element the reader is on.</summary>
    public static List<XElement> ReadReturnValues(XmlReader reader)
    {
        var values = new List<XElement>();
        if (reader.IsEmptyElement)
        {
            return values;
        }

        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                values.Add((XElement)XNode.ReadFrom(reader));
            }
            else
            {
                reader.Read();
            }
        }

        return values;
    }

    private static VimFaultException ParseFault(XElement fault)
    {
        var message = fault.Element("faultstring")?.Value ?? "the endpoint returned a fault without a message";
        var detail = fault.Element("detail")?.Elements().FirstOrDefault();
        var type = detail is null ? "Fault" : Vim.TypeOf(detail);
        if (type.EndsWith("Fault", StringComparison.Ordinal) && type.Length > 5 && detail?.Attribute(VimNamespaces.XsiNs + "type") is null)
        {
            type = type[..^5];
        }

        return new VimFaultException(type, message);
    }
}
