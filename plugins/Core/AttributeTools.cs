using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools for vCenter's custom attributes: named text fields on VMs (owner, cost centre, expiry).</summary>
[McpServerToolType]
internal sealed class AttributeTools(ITargetProviders targets)
{
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_custom_attributes", Title = "List custom attributes", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the custom attribute definitions (key, name, the object type each applies to). A VM's values are in get_vm and list_vms, which filters by them (attribute=name=value).")]
    public async Task<IReadOnlyList<CustomAttributeInfo>> ListCustomAttributes([Description(ToolHelp.Target)] string? target = null, CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListCustomAttributesAsync(cancellationToken);

    [Policy(AccessScope.Admin, Subject = "name", SubjectKind = "custom_attribute")]
    [McpServerTool(Name = "define_custom_attribute", Title = "Define a custom attribute", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Defines a custom attribute every VM (or host) can then carry a value of. A name already defined is refused.")]
    public async Task<CustomAttributeInfo> DefineCustomAttribute(
        [Description("The attribute's name, 1-80 characters.")] string name,
        [Description("VirtualMachine or HostSystem; omit for every type.")] string? object_type = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).DefineCustomAttributeAsync(name, object_type, cancellationToken);

    [Policy(AccessScope.Admin, Destructive = true, Subject = "name", SubjectKind = "custom_attribute", Preview = typeof(ToolPreviews))]
    [McpServerTool(Name = "remove_custom_attribute", Title = "Remove a custom attribute", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Removes a custom attribute definition, and with it its value on every object. Without confirm=true it only previews.")]
    public async Task<CustomAttributeInfo> RemoveCustomAttribute(
        [Description("The attribute's name or key.")] string name,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).RemoveCustomAttributeAsync(name, cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "set_vm_attribute", Title = "Set a VM's custom attribute", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Sets a VM's value of a defined custom attribute; an empty value clears it.")]
    public async Task<VmDetails> SetVmAttribute(
        [Description(ToolHelp.Vm)] string vm,
        [Description("The attribute's name or key (list_custom_attributes).")] string name,
        [Description("The value, at most 4096 characters; empty clears it.")] string value,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).SetVmAttributeAsync(vm, name, value, cancellationToken);
}
