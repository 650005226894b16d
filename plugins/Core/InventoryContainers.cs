using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>The folder list's filter and the previews of deleting a folder, a pool or a custom attribute, the same for MCP and REST.</summary>
internal static class InventoryContainers
{
    private static readonly string[] Kinds = ["vm", "host", "datastore", "network", "datacenter"];

    public static IReadOnlyList<FolderInfo> OfKind(IReadOnlyList<FolderInfo> folders, string? kind) =>
        kind is null ? folders
        : Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase) ? folders.Where(f => string.Equals(f.Kind, kind, StringComparison.OrdinalIgnoreCase)).ToList()
        : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"kind '{kind}' is not one of {string.Join(", ", Kinds)}");

    /// <summary>What deleting <paramref name="folder"/> would do now, naming the VMs that would go with it.</summary>
    public static async Task<ActionPreview> DeletePreviewAsync(IHypervisorProvider provider, string folder, bool force, CancellationToken cancellationToken)
    {
        var path = PathOf(folder, "folder");
        var all = await provider.ListFoldersAsync(cancellationToken);
        var found = all.FirstOrDefault(f => f.Id == folder || f.Path == path)
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

    /// <summary>What deleting <paramref name="pool"/> would do now: which VMs and pools would move to its parent.</summary>
    public static async Task<ActionPreview> DeletePoolPreviewAsync(IHypervisorProvider provider, string pool, CancellationToken cancellationToken)
    {
        var path = PathOf(pool, "pool");
        var found = (await provider.ListResourcePoolsAsync(cancellationToken)).FirstOrDefault(p => p.Id == pool || p.Path == path)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"pool: no resource pool at '{pool}' on target '{provider.Target.Name}'; list_resource_pools shows them");
        if (found.Parent is null)
        {
            return Preview(provider, $"'{found.Path}' is the root pool of {found.Owner}, which cannot be deleted.", "delete_resource_pool");
        }

        var vms = await provider.ListVmsAsync(new Abstractions.Vms.VmQuery { ResourcePool = found.Path, Limit = 20 }, cancellationToken);
        var names = vms.Total == 0 ? "no VMs" : $"{vms.Total} VM(s): {string.Join(", ", vms.Items.Select(v => $"{v.Name} ({v.Id})"))}{(vms.Total > vms.Items.Count ? ", …" : string.Empty)}";
        return Preview(provider,
            $"Would delete resource pool '{found.Path}' ({found.Id}); {names} and {found.Pools} child pool(s) would move to '{found.Parent}' and lose its reservations and limits.",
            "delete_resource_pool");
    }

    /// <summary>What removing a custom attribute would do now: how many VMs lose their value.</summary>
    public static async Task<ActionPreview> RemoveAttributePreviewAsync(IHypervisorProvider provider, string? name, CancellationToken cancellationToken)
    {
        var field = (await provider.ListCustomAttributesAsync(cancellationToken)).FirstOrDefault(a => a.Name == name || a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture) == name)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"name: no custom attribute '{name}' on target '{provider.Target.Name}'; list_custom_attributes shows them");
        var carrying = (await provider.ListVmsAsync(new Abstractions.Vms.VmQuery(), cancellationToken)).Items.Count(v => v.Attributes.ContainsKey(field.Name));
        return Preview(provider, $"Would remove custom attribute '{field.Name}' (key {field.Key}) and its value on every object; {carrying} VM(s) carry one now.", "remove_custom_attribute");
    }

    /// <summary>A path written as the providers write them; a missing one is the caller's error, named.</summary>
    private static string PathOf(string? pathOrId, string argument) =>
        string.IsNullOrWhiteSpace(pathOrId)
            ? throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{argument} is required: an inventory path or an id")
            : "/" + pathOrId.Trim().Trim('/');

    private static ActionPreview Preview(IHypervisorProvider provider, string would, string action = "delete_folder") =>
        new() { Action = action, Target = provider.Target.Name, Would = would };
}
