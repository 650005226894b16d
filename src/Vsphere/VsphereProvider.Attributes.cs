using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider
{
    private const int MaxAttributeValue = 4096;

    /// <inheritdoc />
    public async Task<IReadOnlyList<CustomAttributeInfo>> ListCustomAttributesAsync(CancellationToken cancellationToken) =>
        (await AttributeNamesAsync(cancellationToken)).Names.All.ToList();

    /// <inheritdoc />
    public async Task<CustomAttributeInfo> DefineCustomAttributeAsync(string name, string? objectType, CancellationToken cancellationToken)
    {
        var attribute = name?.Trim() ?? string.Empty;
        if (attribute.Length is 0 or > MaxNameLength || !PrintableText.IsPrintable(attribute))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"name must be 1-{MaxNameLength} printable characters");
        }

        if (objectType is not (null or "VirtualMachine" or "HostSystem"))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"object_type must be VirtualMachine, HostSystem or left out for every type, got '{objectType}'");
        }

        var (manager, names) = await AttributeNamesAsync(cancellationToken);
        if (names.Find(attribute) is { } existing)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"DuplicateName: custom attribute '{attribute}' is already defined (key {existing.Key})", "DuplicateName");
        }

        await Client.InvokeAsync("AddCustomFieldDef", manager, w => w.Text("name", attribute).Text("moType", objectType), cancellationToken);
        await WriteThroughAsync(manager, cancellationToken);
        return (await AttributeNamesAsync(cancellationToken)).Names.Find(attribute)
            ?? throw new HypervisorException(HypervisorErrorKind.Failed, $"AddCustomFieldDef answered, but '{attribute}' is not defined");
    }

    /// <inheritdoc />
    public async Task<CustomAttributeInfo> RemoveCustomAttributeAsync(string name, CancellationToken cancellationToken)
    {
        var (manager, names) = await AttributeNamesAsync(cancellationToken);
        var field = Defined(names, name);
        await Client.InvokeAsync("RemoveCustomFieldDef", manager, w => w.Number("key", field.Key), cancellationToken);
        await WriteThroughAsync(manager, cancellationToken);
        return field;
    }

    /// <inheritdoc />
    public async Task<VmDetails> SetVmAttributeAsync(string vm, string name, string value, CancellationToken cancellationToken)
    {
        if (value is null || value.Length > MaxAttributeValue || !PrintableText.IsPrintable(value.Replace('\n', ' ')))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"value must be printable text of at most {MaxAttributeValue} characters (empty clears it)");
        }

        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        var (manager, names) = await AttributeNamesAsync(cancellationToken);
        var field = Defined(names, name);
        if (field.ObjectType is { } type && type != "VirtualMachine")
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"name: custom attribute '{field.Name}' applies to {type}, not to VMs");
        }

        await Client.InvokeAsync("SetField", manager, w => w.Ref("entity", vmRef).Number("key", field.Key).Text("value", value), cancellationToken);
        await WriteThroughAsync(vmRef, cancellationToken);
        return await ReadDetailsAsync(vmRef, cancellationToken);
    }

    private async Task<(ManagedObjectReference Manager, AttributeNames Names)> AttributeNamesAsync(CancellationToken cancellationToken)
    {
        var manager = (await ContentAsync(cancellationToken)).CustomFieldsManager ?? throw NotOnThisKind("Custom attributes");
        var names = new AttributeNames();
        if (await Client.RetrieveOneAsync(manager, AttributeNames.Spec.Paths, cancellationToken) is { } read)
        {
            names.TryAbsorb(read);
        }

        return (manager, names);
    }

    private CustomAttributeInfo Defined(AttributeNames names, string? name) =>
        (string.IsNullOrWhiteSpace(name) ? null : names.Find(name.Trim()))
        ?? throw new HypervisorException(HypervisorErrorKind.NotFound,
            $"name: no custom attribute '{name}' on target '{Target.Name}'; defined: {string.Join(", ", names.All.Select(f => f.Name).DefaultIfEmpty("none"))}");
}
