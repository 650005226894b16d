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

    internal static ObjectContent Parse(XElement objects)
    {
        var obj = Vim.Ref(objects.Element(VimNamespaces.V + "obj"))!.Value;
        var properties = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var propSet in objects.Elements(VimNamespaces.V + "propSet"))
        {
            var name = Vim.Text(propSet, "name");
            var val = propSet.Element(VimNamespaces.V + "val");
            if (name is not null && val is not null)
            {
                properties[name] = val;
            }
        }

        return new ObjectContent(obj, properties);
    }
}
