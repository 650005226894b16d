using System.Xml.Linq;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>
/// Custom attribute names by key, from the CustomFieldsManager read in the same call as the VMs, so each
/// VM's <c>customValue</c> (keys and values only) can be shown by name.
/// </summary>
internal sealed class AttributeNames
{
    public static readonly PropertySpec Spec = new("CustomFieldsManager", ["field"]);

    private readonly Dictionary<int, CustomAttributeInfo> _fields = [];

    public IEnumerable<CustomAttributeInfo> All => _fields.Values.OrderBy(f => f.Name, StringComparer.Ordinal);

    /// <summary>Takes <paramref name="obj"/> in when it is the CustomFieldsManager; false for anything else.</summary>
    public bool TryAbsorb(ObjectContent obj)
    {
        if (obj.Obj.Type != "CustomFieldsManager")
        {
            return false;
        }

        _fields.Clear();
        foreach (var field in obj["field"]?.Elements() ?? [])
        {
            if (Vim.Long(field.Element(VimNamespaces.V + "key")) is { } key && Vim.Text(field, "name") is { } name)
            {
                _fields[(int)key] = new CustomAttributeInfo { Key = (int)key, Name = name, ObjectType = Vim.Text(field, "managedObjectType") };
            }
        }

        return true;
    }

    /// <summary>The values of a <c>customValue</c> array by attribute name; values of fields no longer defined are left out.</summary>
    public IReadOnlyDictionary<string, string> Name(XElement? customValue)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in customValue?.Elements() ?? [])
        {
            if (Vim.Long(value.Element(VimNamespaces.V + "key")) is { } key && _fields.TryGetValue((int)key, out var field) && Vim.Text(value, "value") is { Length: > 0 } text)
            {
                named[field.Name] = text;
            }
        }

        return named;
    }

    /// <summary>The definition named <paramref name="nameOrKey"/>, by name or key; null when none.</summary>
    public CustomAttributeInfo? Find(string nameOrKey) =>
        _fields.Values.FirstOrDefault(f => f.Name == nameOrKey) ?? (int.TryParse(nameOrKey, out var key) ? _fields.GetValueOrDefault(key) : null);
}
