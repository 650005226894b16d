using System.Globalization;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider
{
    private const double Gib = 1024.0 * 1024 * 1024;

    /// <summary>
    /// Clones without CloneVM_Task, which a standalone ESXi host does not have: copies the source's disks
    /// with VirtualDiskManager into a new folder, then creates a VM with the source's hardware around the
    /// copies. Anything made before a failure is removed, so nothing half-made is left behind.
    /// </summary>
    protected async Task<VmDetails> CloneByCopyingDisksAsync(CloneVmRequest request, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ValidateName(request.DestinationLabel, "destination_label");
        if (request.AsTemplate)
        {
            throw NotOnThisKind("cloning to a template");
        }

        if (request.Host is not null)
        {
            throw NotOnThisKind("placing a clone on another host");
        }

        if (request.Customization is not null)
        {
            throw NotOnThisKind("Guest customization");
        }

        var content = await ContentAsync(cancellationToken);
        var source = await ResolveVmAsync(request.SourceIdentifier, cancellationToken);
        var info = await Client.RetrieveOneAsync(source, ["name", "runtime.powerState", "config.guestId", "config.hardware.numCPU", "config.hardware.memoryMB", "config.hardware.device", "config.files.vmPathName", "resourcePool"], cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"VM '{request.SourceIdentifier}' disappeared");
        var sourceName = info.Text("name") ?? source.Value;
        if (info.Text("runtime.powerState") != "poweredOff")
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict,
                $"VM '{sourceName}' is {info.Text("runtime.powerState")}: a standalone ESXi host can only copy the disks of a powered-off VM; power it off first, or revert a snapshot into a powered-off copy", "InvalidPowerState");
        }

        var dc = await DatacenterAsync(cancellationToken);
        await EnsureNameFreeAsync(dc.VmFolder, request.DestinationLabel, cancellationToken);
        var devices = info["config.hardware.device"]?.Elements().ToList() ?? [];
        var disks = devices.Where(d => Vim.TypeOf(d) == "VirtualDisk").Select(d => (
            File: Vim.Path(d, "backing.fileName")?.Value ?? throw new HypervisorException(HypervisorErrorKind.Conflict, $"a disk of '{sourceName}' has no file to copy"),
            Bytes: Vim.Long(d.Element(VimNamespaces.V + "capacityInBytes")) ?? (Vim.Long(d.Element(VimNamespaces.V + "capacityInKB")) ?? 0) * 1024)).ToList();
        var datastore = request.Datastore ?? VmProperties.DatastoreOfPath(info.Text("config.files.vmPathName"))
            ?? throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "name the destination datastore with 'datastore'");
        var lookup = await InventoryLookup.ReadAsync(Client, dc.Ref, cancellationToken);
        lookup.Datastore(datastore);
        var needed = disks.Sum(d => d.Bytes);
        var free = lookup.FreeBytes(datastore);
        if (needed > free)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict,
                $"datastore '{datastore}' has {free / Gib:0.#} GiB free; the copies of '{sourceName}' need up to {needed / Gib:0.#} GiB: choose another datastore", "NoDiskSpace");
        }

        var pool = request.Pool is null ? info.Ref("resourcePool") ?? lookup.DefaultPool(null, null) : await PoolNamedAsync(request.Pool, lookup, cancellationToken);
        var nics = devices.Where(d => d.Element(VimNamespaces.V + "macAddress") is not null).Select(NicNetwork).ToList();
        var folder = $"[{datastore}] {request.DestinationLabel}";
        var fileManager = content.FileManager ?? throw NotOnThisKind("copying files");
        var diskManager = content.VirtualDiskManager ?? throw NotOnThisKind("copying disks");

        await Client.InvokeAsync("MakeDirectory", fileManager, w => w.Text("name", folder).Ref("datacenter", dc.Ref).Bool("createParentDirectories", false), cancellationToken);
        ManagedObjectReference clone;
        try
        {
            var copies = new List<string>();
            for (var i = 0; i < disks.Count; i++)
            {
                var destination = $"{folder}/{request.DestinationLabel}{(i == 0 ? string.Empty : "_" + i.ToString(CultureInfo.InvariantCulture))}.vmdk";
                var index = i;
                var diskProgress = progress is null ? null : new ScaledProgress(progress, index * 90 / disks.Count, (index + 1) * 90 / disks.Count);
                await Client.RunTaskAsync("CopyVirtualDisk_Task", diskManager, w => w
                    .Text("sourceName", disks[index].File).Ref("sourceDatacenter", dc.Ref)
                    .Text("destName", destination).Ref("destDatacenter", dc.Ref)
                    .Bool("force", false), diskProgress, cancellationToken);
                copies.Add(destination);
            }

            var hardware = new VmHardware(request.DestinationLabel, info.Text("config.guestId") ?? "otherGuest64",
                (int)(Vim.Long(info["config.hardware.numCPU"]) ?? 1), (int)(Vim.Long(info["config.hardware.memoryMB"]) ?? 1024),
                $"{folder}/{request.DestinationLabel}.vmx", nics, 0, copies);
            var result = await Client.RunTaskAsync("CreateVM_Task", dc.VmFolder, w => w.Element("config", null, VmSpecs.Create(hardware)).Ref("pool", pool), null, cancellationToken);
            clone = Vim.Ref(result) ?? throw new HypervisorException(HypervisorErrorKind.Failed, "CreateVM_Task finished without naming the new VM");
        }
        catch (Exception ex) when (ex is HypervisorException or OperationCanceledException)
        {
            await RemoveFolderAsync(fileManager, folder, dc.Ref);
            throw;
        }

        if (request.PowerOn)
        {
            await Client.RunTaskAsync("PowerOnVM_Task", clone, null, null, cancellationToken);
        }

        progress?.Report(100);
        await WriteThroughAsync(clone, cancellationToken);
        return await ReadDetailsAsync(clone, cancellationToken);
    }

    private static NetworkTarget NicNetwork(System.Xml.Linq.XElement nic)
    {
        var backing = nic.Element(VimNamespaces.V + "backing");
        var network = Vim.Ref(backing?.Element(VimNamespaces.V + "network")) ?? new ManagedObjectReference("Network", string.Empty);
        return new NetworkTarget(network, Vim.Text(backing, "deviceName") ?? string.Empty,
            Vim.Path(backing, "port.portgroupKey")?.Value, Vim.Path(backing, "port.switchUuid")?.Value);
    }

    /// <summary>Best-effort removal of a half-made clone's folder; the original error is what the caller sees.</summary>
    private async Task RemoveFolderAsync(ManagedObjectReference fileManager, string folder, ManagedObjectReference datacenter)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await Client.RunTaskAsync("DeleteDatastoreFile_Task", fileManager, w => w.Text("name", folder).Ref("datacenter", datacenter), null, timeout.Token);
        }
        catch (Exception ex) when (ex is HypervisorException or OperationCanceledException)
        {
            LogCleanupFailed(Logger, folder, ex.Message);
        }
    }
}
