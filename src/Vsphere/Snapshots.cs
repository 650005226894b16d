using System.Xml.Linq;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>Flattens a VM's snapshot tree (<c>VirtualMachineSnapshotInfo</c>) into parent-linked rows.</summary>
internal static class Snapshots
{
    public static IReadOnlyList<SnapshotInfo> Flatten(XElement? snapshotInfo)
    {
        var list = new List<SnapshotInfo>();
        foreach (var root in snapshotInfo?.Elements(VimNamespaces.V + "rootSnapshotList") ?? [])
        {
            Walk(root, parentId: null, list);
        }

        return list;
    }

    private static void Walk(XElement tree, string? parentId, List<SnapshotInfo> list)
    {
        var id = Vim.Ref(tree.Element(VimNamespaces.V + "snapshot"))?.Value ?? string.Empty;
        list.Add(new SnapshotInfo(
            id,
            Vim.Text(tree, "name") ?? id,
            string.IsNullOrEmpty(Vim.Text(tree, "description")) ? null : Vim.Text(tree, "description"),
            Vim.Time(tree.Element(VimNamespaces.V + "createTime")),
            Vim.Text(tree, "state"),
            parentId));
        foreach (var child in tree.Elements(VimNamespaces.V + "childSnapshotList"))
        {
            Walk(child, id, list);
        }
    }
}
