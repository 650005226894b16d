using System.Xml.Linq;

namespace VmwareMcp.Vim25;

/// <summary>The XML namespaces of vim25 SOAP messages.</summary>
public static class VimNamespaces
{
    /// <summary>SOAP 1.1 envelope.</summary>
    public const string Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>The vim25 types and methods.</summary>
    public const string Vim = "urn:vim25";

    /// <summary>XML Schema instance (<c>xsi:type</c>).</summary>
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>XML Schema types (<c>xsd:string</c>).</summary>
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";

    /// <summary><see cref="Vim"/> as an <see cref="XNamespace"/>.</summary>
    public static readonly XNamespace V = Vim;

    /// <summary><see cref="Xsi"/> as an <see cref="XNamespace"/>.</summary>
    public static readonly XNamespace XsiNs = Xsi;
}
