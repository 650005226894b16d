using System.Globalization;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>Previews of the device changes that lose something (a disk, a connection, a way back), from a fresh read of the VM.</summary>
internal static class DevicePreviews
{
    public static async Task<ActionPreview> RemoveDiskAsync(IHypervisorProvider provider, string vm, string disk, bool deleteFile, CancellationToken cancellationToken)
    {
        var details = await provider.GetVmAsync(vm, cancellationToken);
        var found = details.Disks.FirstOrDefault(d => Names(d.Label, d.Key, disk))
            ?? throw Missing("disk", disk, details.Disks.Select(d => d.Label));
        var file = found.FileName ?? "its file";
        var what = deleteFile
            ? $"and delete {file} from the datastore; its data cannot be recovered"
            : $"{file} stays on the datastore and can be attached again";
        return Preview("remove_vm_disk", provider, details, $"Would detach '{found.Label}' ({found.CapacityGb} GiB) from VM '{details.Name}' ({details.Id}) {(deleteFile ? what : "; " + what)}.");
    }

    public static async Task<ActionPreview> RemoveNicAsync(IHypervisorProvider provider, string vm, string nic, CancellationToken cancellationToken)
    {
        var details = await provider.GetVmAsync(vm, cancellationToken);
        var found = details.Nics.FirstOrDefault(n => Names(n.Label, n.Key, nic) || string.Equals(n.MacAddress, nic, StringComparison.OrdinalIgnoreCase))
            ?? throw Missing("nic", nic, details.Nics.Select(n => n.Label));
        return Preview("remove_vm_nic", provider, details,
            $"Would remove '{found.Label}' (MAC {found.MacAddress ?? "?"}, on {found.Network ?? "no network"}) from VM '{details.Name}' ({details.Id}); the guest loses that connection and a new adapter would get a new MAC.");
    }

    public static async Task<ActionPreview> UpgradeAsync(IHypervisorProvider provider, string vm, string? version, CancellationToken cancellationToken)
    {
        var details = await provider.GetVmAsync(vm, cancellationToken);
        var power = details.PowerState == "poweredOn" ? " It is powered on, so the upgrade would be refused until it is off." : string.Empty;
        return Preview("upgrade_vm_hardware", provider, details,
            $"Would upgrade VM '{details.Name}' ({details.Id}) from {details.HardwareVersion ?? "its hardware version"} to {version ?? "the newest the host supports"}; it cannot be downgraded, and hosts too old for the new version can no longer run it.{power}");
    }

    private static bool Names(string label, int key, string name) =>
        string.Equals(label, name, StringComparison.OrdinalIgnoreCase) || key.ToString(CultureInfo.InvariantCulture) == name;

    private static HypervisorException Missing(string field, string name, IEnumerable<string> labels) =>
        new(HypervisorErrorKind.NotFound, $"{field}: the VM has no such device '{name}'; it has {string.Join(", ", labels.Select(l => $"'{l}'").DefaultIfEmpty("none"))}");

    private static ActionPreview Preview(string action, IHypervisorProvider provider, VmDetails vm, string would) =>
        new() { Action = action, Target = provider.Target.Name, Vm = vm.Id, Would = would };
}
