using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Devices;

/// <summary>
/// One device change to one VM: its devices and state read once, checked, then one ReconfigVM_Task, the
/// live inventory written through and the VM read back for the answer.
/// </summary>
internal sealed class VmDeviceSession
{
    private static readonly string[] Properties = ["name", "config.hardware.device", "config.files.vmPathName", "config.template", "config.version", "runtime.powerState", "snapshot.currentSnapshot"];

    private readonly VsphereProvider _provider;

    private VmDeviceSession(VsphereProvider provider, ObjectContent vm)
    {
        _provider = provider;
        Vm = vm.Obj;
        Name = vm.Text("name") ?? vm.Obj.Value;
        Devices = new DeviceList(vm["config.hardware.device"]?.Elements().ToList() ?? []);
        VmDatastore = VmProperties.DatastoreOfPath(vm.Text("config.files.vmPathName"));
        Version = vm.Text("config.version");
        PoweredOn = vm.Text("runtime.powerState") == "poweredOn";
        HasSnapshots = vm["snapshot.currentSnapshot"] is not null;
    }

    public ManagedObjectReference Vm { get; }

    public string Name { get; }

    public DeviceList Devices { get; }

    /// <summary>The datastore the VM's configuration file is on.</summary>
    public string? VmDatastore { get; }

    public string? Version { get; }

    public bool PoweredOn { get; }

    public bool HasSnapshots { get; }

    /// <summary>Reads the VM; a template is refused, as vSphere changes no template's hardware.</summary>
    public static async Task<VmDeviceSession> OpenAsync(VsphereProvider provider, string vm, CancellationToken cancellationToken)
    {
        var vmRef = await provider.ResolveVmAsync(vm, cancellationToken);
        var read = await provider.Client.RetrieveOneAsync(vmRef, Properties, cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"VM '{vm}' no longer exists on target '{provider.Target.Name}'");
        if (read.Text("config.template") == "true")
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"vm: '{read.Text("name")}' ({vmRef.Value}) is a template, whose hardware cannot change; clone it to a VM first");
        }

        return new VmDeviceSession(provider, read);
    }

    /// <summary>Runs one ReconfigVM_Task with the device changes <paramref name="changes"/> writes, and answers the VM as it is then.</summary>
    public Task<VmDetails> ReconfigureAsync(Action<SoapWriter> changes, IProgress<int>? progress, CancellationToken cancellationToken) =>
        RunAsync("ReconfigVM_Task", w => w.Element("spec", null, changes), progress, cancellationToken);

    /// <summary>Runs a task on the VM, writes the live inventory through and reads the VM back.</summary>
    public async Task<VmDetails> RunAsync(string method, Action<SoapWriter>? arguments, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await _provider.Client.RunTaskAsync(method, Vm, arguments, progress, cancellationToken);
        await _provider.WriteThroughAsync(Vm, cancellationToken);
        return await _provider.ReadDetailsAsync(Vm, cancellationToken);
    }

    /// <summary>The VM as it is, for a change that turns out to change nothing.</summary>
    public Task<VmDetails> UnchangedAsync(CancellationToken cancellationToken) => _provider.ReadDetailsAsync(Vm, cancellationToken);
}
