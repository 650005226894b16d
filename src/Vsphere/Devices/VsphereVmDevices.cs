using System.Text.RegularExpressions;
using VmwareMcp.Abstractions.Devices;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Vsphere.Devices;

/// <summary>
/// <see cref="IVmDevices"/> over vim25, for vCenter and standalone ESXi alike: every argument is checked
/// before the VM is read, every change is one task.
/// </summary>
internal sealed partial class VsphereVmDevices(VsphereProvider provider) : IVmDevices
{
    [GeneratedRegex(@"^vmx-(\d{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex HardwareVersion();

    public async Task<VmDetails> AddDiskAsync(string vm, NewDisk disk, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(disk);
        Check(disk.SizeGb is >= 1 and <= DiskChanges.MaxSizeGb, $"size_gb must be between 1 and {DiskChanges.MaxSizeGb} (62 TiB), got {disk.SizeGb}");
        Check(disk.Provisioning is null || DiskChanges.Provisionings.Contains(disk.Provisioning, StringComparer.Ordinal), $"provisioning must be one of {string.Join(", ", DiskChanges.Provisionings)}");
        Check(disk.Controller is null || (disk.Controller.Length <= 80 && PrintableText.IsPrintable(disk.Controller)), "controller must be a controller's label or key, or a new one's type, in at most 80 printable characters");
        var session = await VmDeviceSession.OpenAsync(provider, vm, cancellationToken);
        var datastore = disk.Datastore is null
            ? session.VmDatastore ?? throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "datastore: the VM's own datastore is unknown; name one")
            : (await provider.ListDatastoresAsync(cancellationToken)).FirstOrDefault(d => d.Name == disk.Datastore || d.Id == disk.Datastore)?.Name
              ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"datastore: target '{provider.Target.Name}' has no datastore '{disk.Datastore}' (list_datastores shows them)");
        return await session.ReconfigureAsync(DiskChanges.Add(session.Devices, disk, datastore), progress, cancellationToken);
    }

    public async Task<VmDetails> ResizeDiskAsync(string vm, string disk, int sizeGb, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        Check(sizeGb is >= 1 and <= DiskChanges.MaxSizeGb, $"size_gb must be between 1 and {DiskChanges.MaxSizeGb} (62 TiB), got {sizeGb}");
        var session = await VmDeviceSession.OpenAsync(provider, vm, cancellationToken);
        var found = session.Devices.Find(session.Devices.Disks, disk, "disk", "disk");
        if (session.HasSnapshots)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"VM '{session.Name}' has snapshots, and a disk with snapshots cannot grow; remove them first (list_snapshots)");
        }

        return await session.ReconfigureAsync(DiskChanges.Grow(found, sizeGb), progress, cancellationToken);
    }

    public async Task<VmDetails> RemoveDiskAsync(string vm, string disk, bool deleteFile, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var session = await VmDeviceSession.OpenAsync(provider, vm, cancellationToken);
        var found = session.Devices.Find(session.Devices.Disks, disk, "disk", "disk");
        return await session.ReconfigureAsync(spec => DeviceSpecs.Remove(spec, found, deleteFile), progress, cancellationToken);
    }

    public async Task<VmDetails> AddNicAsync(string vm, NewNic nic, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nic);
        Check(nic.AdapterType is null || DeviceKinds.NewAdapters.Contains(nic.AdapterType, StringComparer.Ordinal), $"adapter_type must be one of {string.Join(", ", DeviceKinds.NewAdapters)}");
        var network = await NetworkAsync(nic.Network, cancellationToken);
        var session = await VmDeviceSession.OpenAsync(provider, vm, cancellationToken);
        return await session.ReconfigureAsync(NicChanges.Add(session.Devices, network, nic.AdapterType ?? "vmxnet3", nic.Connected ?? true), progress, cancellationToken);
    }

    public async Task<VmDetails> UpdateNicAsync(string vm, string nic, NicChange change, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        Check(change.Network is not null || change.Connected is not null, "give network and/or connected to change");
        var network = change.Network is null ? null : await NetworkAsync(change.Network, cancellationToken);
        var session = await VmDeviceSession.OpenAsync(provider, vm, cancellationToken);
        var found = session.Devices.Find(session.Devices.Nics, nic, "nic", "network adapter");
        return await session.ReconfigureAsync(NicChanges.Change(found, network, change.Connected), progress, cancellationToken);
    }

    public async Task<VmDetails> RemoveNicAsync(string vm, string nic, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var session = await VmDeviceSession.OpenAsync(provider, vm, cancellationToken);
        var found = session.Devices.Find(session.Devices.Nics, nic, "nic", "network adapter");
        return await session.ReconfigureAsync(spec => DeviceSpecs.Remove(spec, found, false), progress, cancellationToken);
    }

    public async Task<VmDetails> SetCdromAsync(string vm, string? isoPath, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (isoPath is null)
        {
            var ejecting = await VmDeviceSession.OpenAsync(provider, vm, cancellationToken);
            return ejecting.Devices.Cdroms.FirstOrDefault(d => CdromChanges.IsoOf(d) is not null) is { } drive
                ? await ejecting.ReconfigureAsync(CdromChanges.Eject(drive), progress, cancellationToken)
                : await ejecting.UnchangedAsync(cancellationToken);
        }

        var (datastore, folder, file) = CdromChanges.Parse(isoPath);
        var iso = $"[{datastore}] {(folder.Length == 0 ? file : folder + "/" + file)}";
        if (!await IsoExistsAsync(datastore, folder, file, iso, cancellationToken))
        {
            throw new HypervisorException(HypervisorErrorKind.NotFound, $"iso: '{iso}' is not on the datastore; browse_datastore with pattern *.iso lists what is");
        }

        var session = await VmDeviceSession.OpenAsync(provider, vm, cancellationToken);
        return await session.ReconfigureAsync(CdromChanges.Mount(session.Devices, iso), progress, cancellationToken);
    }

    public async Task<VmDetails> UpgradeHardwareAsync(string vm, string? version, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var wanted = version is null ? (int?)null : HardwareVersion().Match(version) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "version must look like vmx-19, or be omitted for the newest the host supports");
        var session = await VmDeviceSession.OpenAsync(provider, vm, cancellationToken);
        if (session.PoweredOn)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"VM '{session.Name}' is powered on; its hardware can be upgraded only while it is off", "InvalidPowerState");
        }

        var current = session.Version is { } v && HardwareVersion().Match(v) is { Success: true } c ? int.Parse(c.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (wanted is { } w && w <= current)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"version: VM '{session.Name}' is already at {session.Version}; hardware can only be upgraded, never downgraded", "AlreadyUpgraded");
        }

        return await session.RunAsync("UpgradeVM_Task", version is null ? null : a => a.Text("version", version), progress, cancellationToken);
    }

    private async Task<bool> IsoExistsAsync(string datastore, string folder, string file, string iso, CancellationToken cancellationToken)
    {
        try
        {
            return (await provider.BrowseDatastoreAsync(datastore, folder, file, cancellationToken)).Any(f => f.Path == iso);
        }
        catch (HypervisorException e) when (e.Fault == "FileNotFound")
        {
            return false; // The folder is not there either.
        }
    }

    private async Task<NetworkTarget> NetworkAsync(string? name, CancellationToken cancellationToken)
    {
        Check(!string.IsNullOrWhiteSpace(name) && name.Length <= 80 && PrintableText.IsPrintable(name), "network must name a network or port group (list_networks), in at most 80 printable characters");
        var dc = await provider.DatacenterAsync(cancellationToken);
        var lookup = await InventoryLookup.ReadAsync(provider.Client, dc.Ref, cancellationToken);
        return await lookup.NetworkAsync(provider.Client, name!, cancellationToken);
    }

    private static void Check(bool valid, string message)
    {
        if (!valid)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, message);
        }
    }
}
