using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>The folder list's filter and the delete preview, the same for MCP and REST.</summary>
internal static class FolderQueries
{
    private static readonly string[] Kinds = ["vm", "host", "datastore", "network", "datacenter"];

    public static IReadOnlyList<FolderInfo> OfKind(IReadOnlyList<FolderInfo> folders, string? kind) =>
        kind is null ? folders
        : Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase) ? folders.Where(f => string.Equals(f.Kind, kind, StringComparison.OrdinalIgnoreCase)).ToList()
        : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"kind '{kind}' is not one of {string.Join(", ", Kinds)}");

    /// <summary>What deleting <paramref name="folder"/> would do now, naming the VMs that would go with it.</summary>
    public static async Task<ActionPreview> DeletePreviewAsync(IHypervisorProvider provider, string folder, bool force, CancellationToken cancellationToken)
    {
        var all = await provider.ListFoldersAsync(cancellationToken);
        var found = all.FirstOrDefault(f => f.Id == folder || f.Path == "/" + folder.Trim().Trim('/'))
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"folder: no folder at '{folder}' on target '{provider.Target.Name}'; list_folders shows them");
        if (found.Children == 0)
        {
            return Preview(provider, $"Would delete the empty folder '{found.Path}' ({found.Id}).");
        }

        var vms = found.Kind == "vm"
            ? await provider.ListVmsAsync(new Abstractions.Vms.VmQuery { Folder = found.Path, FolderSubtree = true, Limit = 20 }, cancellationToken)
            : null;
        var held = vms is null ? string.Empty : $" It holds {vms.Total} VM(s) at any depth: {string.Join(", ", vms.Items.Select(v => $"{v.Name} ({v.Id})"))}{(vms.Total > vms.Items.Count ? ", …" : string.Empty)}.";
        return Preview(provider, force
            ? $"Would delete folder '{found.Path}' ({found.Id}) and everything in it ({found.Children} direct children).{held} The VMs are deleted from disk; this cannot be undone."
            : $"Folder '{found.Path}' ({found.Id}) is not empty ({found.Children} direct children), so without force the delete would be refused.{held}");
    }

    private static ActionPreview Preview(IHypervisorProvider provider, string would) =>
        new() { Action = "delete_folder", Target = provider.Target.Name, Would = would };
}
