using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider
{
    /// <summary>vSphere's limit on display names.</summary>
    protected const int MaxNameLength = 80;

    /// <inheritdoc />
    public async Task<VmDetails> CreateVmAsync(CreateVmRequest request, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ValidateName(request.VmLabel, "vm_label");
        var vcpus = InRange(request.Vcpus ?? 1, 1, 768, "vcpus");
        var memory = InRange(request.RamMib ?? 1024, 4, 24 * 1024 * 1024, "ram_mib");
        var disk = InRange(request.DiskGb ?? 0, 0, 62 * 1024, "disk_gb");
        var guestId = string.IsNullOrWhiteSpace(request.GuestId) ? "otherGuest64" : request.GuestId;

        var placement = await PlaceAsync(request.TargetDs, request.TargetNet, request.Folder, request.Cluster, request.ResourcePool, cancellationToken);
        await EnsureNameFreeAsync(placement.Folder, request.VmLabel, cancellationToken);
        var result = await Client.RunTaskAsync("CreateVM_Task", placement.Folder, w => w
            .Element("config", null, VmSpecs.Create(new VmHardware(request.VmLabel, guestId, vcpus, memory, $"[{placement.DatastoreName}]", [placement.Network], disk, [])))
            .Ref("pool", placement.Pool), progress, cancellationToken);
        var vm = Vim.Ref(result) ?? throw new HypervisorException(HypervisorErrorKind.Failed, "CreateVM_Task finished without naming the new VM");

        if (request.PowerOn)
        {
            await Client.RunTaskAsync("PowerOnVM_Task", vm, null, null, cancellationToken);
        }

        await WriteThroughAsync(vm, cancellationToken);
        return await ReadDetailsAsync(vm, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VmPlacement> RecommendPlacementAsync(CreateVmRequest request, CancellationToken cancellationToken)
    {
        if (!IsVCenter)
        {
            throw NotOnThisKind("Recommending a placement (PlaceVm)");
        }

        var clusterName = request.Cluster ?? Target.Cluster
            ?? throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "name the 'cluster' to place the VM in; vCenter places VMs within a cluster");
        var dc = await DatacenterAsync(cancellationToken);
        var lookup = await InventoryLookup.ReadAsync(Client, dc.Ref, cancellationToken);
        var cluster = lookup.Cluster(clusterName);
        var answer = await Client.InvokeAsync("PlaceVm", cluster, w => w.Element("placementSpec", null, spec => spec
            .Element("configSpec", null, config => config
                .Text("name", request.VmLabel)
                .Number("numCPUs", request.Vcpus ?? 1)
                .Number("memoryMB", request.RamMib ?? 1024))
            .Text("placementType", "create")), cancellationToken);
        var recommendation = answer.FirstOrDefault()?.Element(VimNamespaces.V + "recommendations");
        var action = recommendation?.Element(VimNamespaces.V + "action");
        return new VmPlacement
        {
            Cluster = clusterName,
            Host = lookup.NameOf(Vim.Ref(action?.Element(VimNamespaces.V + "targetHost"))),
            Datastore = lookup.NameOf(Vim.Ref(action?.Element(VimNamespaces.V + "relocateSpec")?.Element(VimNamespaces.V + "datastore"))),
            Reason = Vim.Text(recommendation, "reasonText") ?? Vim.Text(recommendation, "reason"),
        };
    }

    /// <inheritdoc />
    public virtual async Task<VmDetails> CloneVmAsync(CloneVmRequest request, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ValidateName(request.DestinationLabel, "destination_label");
        var source = await ResolveVmAsync(request.SourceIdentifier, cancellationToken);
        // The devices only count the NICs a customization maps; a plain clone does not read them.
        string[] sourceProperties = request.Customization is null ? ["config.template", "parent"] : ["config.template", "parent", "config.hardware.device"];
        var sourceInfo = await Client.RetrieveOneAsync(source, sourceProperties, cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"VM '{request.SourceIdentifier}' disappeared");
        var isTemplate = sourceInfo.Text("config.template") == "true";
        var dc = await DatacenterAsync(cancellationToken);
        var folder = sourceInfo.Ref("parent") is { Type: "Folder" } parent ? parent : dc.VmFolder;

        await EnsureNameFreeAsync(folder, request.DestinationLabel, cancellationToken);
        if (request.Customization is not null && request.AsTemplate)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "customization: a template is not customized; clone it to a VM with the customization instead");
        }

        var customization = request.Customization is { } wanted
            ? await ((Guest.VsphereGuestCustomizer)Guest!).SpecAsync(wanted, new Devices.DeviceList(sourceInfo["config.hardware.device"]?.Elements().ToList() ?? []).Nics.Count(), cancellationToken)
            : null;
        var lookup = await InventoryLookup.ReadAsync(Client, dc.Ref, cancellationToken);
        var datastore = request.Datastore is null ? (ManagedObjectReference?)null : lookup.Datastore(request.Datastore).Ref;
        var host = request.Host is null ? (ManagedObjectReference?)null : lookup.Host(request.Host);
        // A template has no resource pool of its own, so its clone needs one; a VM's clone defaults to the source's.
        var pool = request.Pool is not null ? await PoolNamedAsync(request.Pool, lookup, cancellationToken)
            : isTemplate ? lookup.DefaultPool(Target.Cluster, host)
            : (ManagedObjectReference?)null;

        var result = await Client.RunTaskAsync("CloneVM_Task", source, w => w
            .Ref("folder", folder)
            .Text("name", request.DestinationLabel)
            .Element("spec", null, spec => spec
                .Element("location", null, location => VmSpecs.Placement(location, datastore, pool, host))
                .Bool("template", request.AsTemplate)
                .Bool("powerOn", request.PowerOn && !request.AsTemplate && customization is null)), progress, cancellationToken);

        var clone = Vim.Ref(result) ?? throw new HypervisorException(HypervisorErrorKind.Failed, "CloneVM_Task finished without naming the new VM");
        if (customization is not null)
        {
            // Customized as its own step, then powered on: the same outcome as the clone spec's customization,
            // and one that every endpoint applies (vcsim ignores a clone spec's customization and powerOn).
            await Client.RunTaskAsync("CustomizeVM_Task", clone, a => a.Element("spec", null, customization), null, cancellationToken);
            if (request.PowerOn && !request.AsTemplate)
            {
                await Client.RunTaskAsync("PowerOnVM_Task", clone, null, null, cancellationToken);
            }
        }

        await WriteThroughAsync(clone, cancellationToken);
        return await ReadDetailsAsync(clone, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VmReference> DeleteVmAsync(string vm, bool force, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        var state = await Client.RetrieveOneAsync(vmRef, ["name", "runtime.powerState"], cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"VM '{vm}' disappeared");
        var name = state.Text("name") ?? vmRef.Value;
        if (state.Text("runtime.powerState") == "poweredOn")
        {
            if (!force)
            {
                throw new HypervisorException(HypervisorErrorKind.Conflict,
                    $"VM '{name}' ({vmRef.Value}) is powered on: power it off first, or delete with force=true to power it off and delete it", "InvalidPowerState");
            }

            await Client.RunTaskAsync("PowerOffVM_Task", vmRef, null, null, cancellationToken);
        }

        await Client.RunTaskAsync("Destroy_Task", vmRef, null, progress, cancellationToken);
        await WriteThroughAsync(vmRef, cancellationToken);
        return new VmReference(vmRef.Value, name);
    }

    /// <inheritdoc />
    public async Task<VmDetails> ReconfigureVmAsync(string vm, ReconfigureVmRequest request, CancellationToken cancellationToken)
    {
        if (request.Vcpus is null && request.RamMib is null)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "give vcpus and/or ram_mib to change");
        }

        if (request.Vcpus is { } cpus)
        {
            InRange(cpus, 1, 768, "vcpus");
        }

        if (request.RamMib is { } ram)
        {
            InRange(ram, 4, 24 * 1024 * 1024, "ram_mib");
        }

        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        await Client.RunTaskAsync("ReconfigVM_Task", vmRef, w => w.Element("spec", null, VmSpecs.Resize(request.Vcpus, request.RamMib)), null, cancellationToken);
        await WriteThroughAsync(vmRef, cancellationToken);
        return await ReadDetailsAsync(vmRef, cancellationToken);
    }

    /// <summary>Longest notes accepted: vCenter keeps annotations of about this size.</summary>
    private const int MaxNotes = 65535;

    public async Task<VmDetails> RenameVmAsync(string vm, string newName, CancellationToken cancellationToken)
    {
        var name = newName?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 80 || name.Any(char.IsControl))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "new_name must be 1-80 characters without control characters");
        }

        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        var parent = Vim.Ref((await Client.RetrieveOneAsync(vmRef, ["parent"], cancellationToken))?["parent"]);
        if (parent is { } folder)
        {
            await EnsureNameFreeAsync(folder, name, cancellationToken);
        }

        await Client.RunTaskAsync("Rename_Task", vmRef, w => w.Text("newName", name), null, cancellationToken);
        await WriteThroughAsync(vmRef, cancellationToken);
        return await ReadDetailsAsync(vmRef, cancellationToken);
    }

    public async Task<VmDetails> SetVmNotesAsync(string vm, string notes, CancellationToken cancellationToken)
    {
        if (notes is null || notes.Length > MaxNotes)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"notes must be at most {MaxNotes} characters");
        }

        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        await Client.RunTaskAsync("ReconfigVM_Task", vmRef, w => w.Element("spec", null, spec => spec.Text("annotation", notes)), null, cancellationToken);
        await WriteThroughAsync(vmRef, cancellationToken);
        return await ReadDetailsAsync(vmRef, cancellationToken);
    }

    /// <summary>Resolves folder, pool, datastore and network for a new VM from one inventory read.</summary>
    internal async Task<Placement> PlaceAsync(string? datastoreName, string? networkName, string? folderName, string? clusterName, string? poolName, CancellationToken cancellationToken)
    {
        var dc = await DatacenterAsync(cancellationToken);
        var lookup = await InventoryLookup.ReadAsync(Client, dc.Ref, cancellationToken);
        var folder = folderName is null ? dc.VmFolder : await FolderNamedAsync(folderName, lookup, cancellationToken);
        ManagedObjectReference pool;
        if (poolName is not null)
        {
            pool = await PoolNamedAsync(poolName, lookup, cancellationToken);
        }
        else
        {
            if (clusterName is not null && !IsVCenter)
            {
                throw NotOnThisKind("placing a VM in a cluster");
            }

            pool = lookup.DefaultPool(clusterName ?? Target.Cluster, host: null);
        }

        var datastore = datastoreName ?? Target.Datastore;
        var chosenDatastore = datastore is null ? lookup.MostFreeDatastore() : lookup.Datastore(datastore);
        var network = await lookup.NetworkAsync(Client, networkName ?? Target.Network, cancellationToken);
        return new Placement(folder, pool, chosenDatastore.Ref, chosenDatastore.Name, network, lookup);
    }

    /// <summary>
    /// Refuses a name already used in the destination folder, as vCenter does with DuplicateName; checked
    /// before any work starts because not every endpoint (nor vcsim) enforces it on every path.
    /// </summary>
    protected internal async Task EnsureNameFreeAsync(ManagedObjectReference folder, string name, CancellationToken cancellationToken)
    {
        var content = await ContentAsync(cancellationToken);
        if (content.SearchIndex is not { } searchIndex)
        {
            return;
        }

        var existing = (await Client.InvokeAsync("FindChild", searchIndex, w => w.Ref("entity", folder).Text("name", name), cancellationToken)).Select(Vim.Ref).FirstOrDefault();
        if (existing is { } found)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"DuplicateName: The name '{name}' already exists ({found.Value}).", "DuplicateName");
        }
    }

    /// <summary>Whether this provider serves a vCenter.</summary>
    protected internal bool IsVCenter => ApiType == "VirtualCenter";

    /// <summary>Checks a new VM name: not blank, within vSphere's length limit.</summary>
    protected internal static void ValidateName(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} is required: the new VM's name");
        }

        if (name.Length > MaxNameLength)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} is {name.Length} characters; vSphere allows at most {MaxNameLength}");
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Trim() is "." or "..")
        {
            // The name becomes the VM's folder on the datastore: a separator would put files elsewhere.
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} may not contain '/' or '\\' or be '.' or '..': it names the VM's folder on the datastore");
        }

        if (!PrintableText.IsPrintable(name))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} contains control characters or broken Unicode; use printable text");
        }
    }

    /// <summary>Checks a number is within bounds, naming the field otherwise.</summary>
    protected static int InRange(int value, int min, int max, string field) =>
        value >= min && value <= max ? value : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"{field} must be between {min} and {max}, got {value}");
}
