using System.Xml.Linq;
using VmwareMcp.Abstractions.Inventory;

namespace VmwareMcp.Vim25;

/// <summary>The parts of vim25 <c>ServiceContent</c> this client uses.</summary>
public sealed record ServiceContent(
    ManagedObjectReference RootFolder,
    ManagedObjectReference PropertyCollector,
    ManagedObjectReference ViewManager,
    ManagedObjectReference SessionManager,
    ManagedObjectReference? PerfManager,
    ManagedObjectReference? VirtualDiskManager,
    ManagedObjectReference? FileManager,
    ManagedObjectReference? EventManager,
    ManagedObjectReference? TaskManager,
    ManagedObjectReference? SearchIndex,
    ManagedObjectReference? AlarmManager,
    EndpointInfo About,
    ManagedObjectReference? CustomFieldsManager = null,
    ManagedObjectReference? CustomizationSpecManager = null,
    ManagedObjectReference? OvfManager = null)
{
    /// <summary>Whether the endpoint is a vCenter (<c>VirtualCenter</c>) rather than a standalone host (<c>HostAgent</c>).</summary>
    public bool IsVCenter => About.ApiType == "VirtualCenter";

    internal static ServiceContent Parse(XElement returnValue)
    {
        var about = returnValue.Element(VimNamespaces.V + "about")!;
        return new ServiceContent(
            Vim.Ref(returnValue.Element(VimNamespaces.V + "rootFolder"))!.Value,
            Vim.Ref(returnValue.Element(VimNamespaces.V + "propertyCollector"))!.Value,
            Vim.Ref(returnValue.Element(VimNamespaces.V + "viewManager"))!.Value,
            Vim.Ref(returnValue.Element(VimNamespaces.V + "sessionManager"))!.Value,
            Vim.Ref(returnValue.Element(VimNamespaces.V + "perfManager")),
            Vim.Ref(returnValue.Element(VimNamespaces.V + "virtualDiskManager")),
            Vim.Ref(returnValue.Element(VimNamespaces.V + "fileManager")),
            Vim.Ref(returnValue.Element(VimNamespaces.V + "eventManager")),
            Vim.Ref(returnValue.Element(VimNamespaces.V + "taskManager")),
            Vim.Ref(returnValue.Element(VimNamespaces.V + "searchIndex")),
            Vim.Ref(returnValue.Element(VimNamespaces.V + "alarmManager")),
            new EndpointInfo(
                Vim.Text(about, "apiType") ?? "unknown",
                Vim.Text(about, "apiVersion") ?? "unknown",
                Vim.Text(about, "fullName") ?? "unknown",
                Vim.Text(about, "instanceUuid")),
            Vim.Ref(returnValue.Element(VimNamespaces.V + "customFieldsManager")),
            Vim.Ref(returnValue.Element(VimNamespaces.V + "customizationSpecManager")),
            Vim.Ref(returnValue.Element(VimNamespaces.V + "ovfManager")));
    }
}
