using System.Text.Json;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// The previews the host's confirmation shows for this plugin's destructive tools, read fresh from the
/// target (<see cref="ActionPreviews"/>). Powering on needs no confirmation, so its preview is none.
/// </summary>
internal sealed class ToolPreviews(ITargetProviders targets, Abstractions.Operations.IChangeHistory history) : IActionPreview
{
    public async Task<ActionPreview?> PreviewAsync(string tool, IReadOnlyDictionary<string, JsonElement> arguments, CancellationToken cancellationToken)
    {
        if (tool == "power_vm" && PowerActions.Parse(Text(arguments, "desired_state") ?? string.Empty) == PowerAction.PowerOn)
        {
            return null;
        }

        if (tool == "undo_change")
        {
            var (change, now, steps) = await ChangeUndo.PlanAsync(history, targets, Required(arguments, "change_id"), cancellationToken);
            return new ActionPreview
            {
                Action = tool,
                Target = change.Target ?? "the only target",
                Vm = now.Id,
                Would = $"Would undo change {change.Id} ({change.Operation} by '{change.Token}' at {change.Time:u}) on VM '{now.Name}' ({now.Id}): {string.Join("; ", steps)}.",
            };
        }

        var provider = await targets.GetAsync(Text(arguments, "target"), cancellationToken);
        return tool switch
        {
            "delete_vm" => await ActionPreviews.DeleteAsync(provider, Required(arguments, "vm"), Flag(arguments, "force"), cancellationToken),
            "power_vm" => await ActionPreviews.PowerAsync(provider, Required(arguments, "vm"), PowerActions.Parse(Required(arguments, "desired_state")), cancellationToken),
            "revert_snapshot" => await ActionPreviews.RevertAsync(provider, Required(arguments, "vm"), Required(arguments, "snapshot"), cancellationToken),
            "remove_snapshot" => await ActionPreviews.RemoveSnapshotAsync(provider, Required(arguments, "vm"), Required(arguments, "snapshot"), cancellationToken),
            "delete_folder" => await InventoryContainers.DeletePreviewAsync(provider, Required(arguments, "folder"), Flag(arguments, "force"), cancellationToken),
            "delete_resource_pool" => await InventoryContainers.DeletePoolPreviewAsync(provider, Required(arguments, "pool"), cancellationToken),
            "remove_custom_attribute" => await InventoryContainers.RemoveAttributePreviewAsync(provider, Required(arguments, "name"), cancellationToken),
            "remove_vm_disk" => await DevicePreviews.RemoveDiskAsync(provider, Required(arguments, "vm"), Required(arguments, "disk"), Flag(arguments, "delete_file"), cancellationToken),
            "remove_vm_nic" => await DevicePreviews.RemoveNicAsync(provider, Required(arguments, "vm"), Required(arguments, "nic"), cancellationToken),
            "upgrade_vm_hardware" => await DevicePreviews.UpgradeAsync(provider, Required(arguments, "vm"), Text(arguments, "version"), cancellationToken),
            "set_maintenance_mode" => await ActionPreviews.MaintenanceAsync(provider, Required(arguments, "host"), Flag(arguments, "enter"), cancellationToken),
            _ => throw new InvalidOperationException($"{nameof(ToolPreviews)} has no preview for '{tool}'"),
        };
    }

    private static string? Text(IReadOnlyDictionary<string, JsonElement> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A required argument; missing, the call could not bind either, so say so as it would.</summary>
    private static string Required(IReadOnlyDictionary<string, JsonElement> arguments, string name) =>
        Text(arguments, name) ?? throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"'{name}' is required and must be a string");

    private static bool Flag(IReadOnlyDictionary<string, JsonElement> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.True;
}
