using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider
{
    /// <inheritdoc />
    public async Task<PowerResult> SetPowerStateAsync(string vm, PowerAction action, CancellationToken cancellationToken)
    {
        var vmRef = await ResolveVmAsync(vm, cancellationToken);
        var before = await Client.RetrieveOneAsync(vmRef, ["name", "runtime.powerState", "config.template"], cancellationToken)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"VM '{vm}' disappeared");
        var name = before.Text("name") ?? vmRef.Value;
        var state = before.Text("runtime.powerState") ?? "unknown";
        var reference = new VmReference(vmRef.Value, name);
        if (before.Text("config.template") == "true")
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"'{name}' is a template and cannot be powered; clone it to a VM first", "InvalidState");
        }

        var (method, isTask, already) = (action, state) switch
        {
            (PowerAction.PowerOn, "poweredOn") => (null, false, "is already powered on"),
            (PowerAction.PowerOn, _) => ("PowerOnVM_Task", true, null),
            (PowerAction.PowerOff, "poweredOff") => (null, false, "is already powered off"),
            (PowerAction.PowerOff, _) => ("PowerOffVM_Task", true, null),
            (PowerAction.Suspend, "suspended") => (null, false, "is already suspended"),
            (PowerAction.Suspend, "poweredOn") => ("SuspendVM_Task", true, null),
            (PowerAction.ShutdownGuest, "poweredOff") => (null, false, "is already powered off"),
            (PowerAction.ShutdownGuest, "poweredOn") => ("ShutdownGuest", false, null),
            (PowerAction.Reset, "poweredOn") => ("ResetVM_Task", true, null),
            (PowerAction.RebootGuest, "poweredOn") => ("RebootGuest", false, null),
            _ => ((string?)null, false, (string?)null),
        };

        if (already is not null)
        {
            return new PowerResult(reference, action, state, state, false, $"VM '{name}' {already}; nothing to do");
        }

        if (method is null)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict,
                $"cannot {Describe(action)} VM '{name}' while it is {state}; power it on first", "InvalidPowerState");
        }

        if (isTask)
        {
            await Client.RunTaskAsync(method, vmRef, null, null, cancellationToken);
        }
        else
        {
            await Client.InvokeAsync(method, vmRef, null, cancellationToken);
        }

        await WriteThroughAsync(vmRef, cancellationToken);
        var after = (await Client.RetrieveOneAsync(vmRef, ["runtime.powerState"], cancellationToken))?.Text("runtime.powerState") ?? state;
        var message = isTask
            ? $"VM '{name}' is now {after} (was {state})"
            : $"asked the guest of VM '{name}' to {Describe(action)}; VMware Tools carries it out, the VM is {after} for now";
        return new PowerResult(reference, action, state, after, true, message);
    }

    private static string Describe(PowerAction action) => action switch
    {
        PowerAction.PowerOn => "power on",
        PowerAction.PowerOff => "power off",
        PowerAction.Reset => "reset",
        PowerAction.Suspend => "suspend",
        PowerAction.ShutdownGuest => "shut down",
        _ => "reboot",
    };
}
