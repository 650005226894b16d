using System.Diagnostics;
using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Guest;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;
using VmwareMcp.Vsphere.Devices;

namespace VmwareMcp.Vsphere.Guest;

/// <summary><see cref="IGuestCustomizer"/> over vim25: CustomizationSpecManager, CustomizeVM_Task, and a property filter on the guest.</summary>
internal sealed class VsphereGuestCustomizer(VsphereProvider provider) : IGuestCustomizer
{
    public async Task<IReadOnlyList<CustomizationSpecInfo>> ListCustomizationSpecsAsync(CancellationToken cancellationToken)
    {
        var manager = await ManagerAsync(cancellationToken);
        var info = (await provider.Client.RetrieveOneAsync(manager, ["info"], cancellationToken))?["info"];
        return (info?.Elements() ?? []).Select(i => new CustomizationSpecInfo
        {
            Name = Vim.Text(i, "name") ?? "?",
            Type = Vim.Text(i, "type"),
            Description = Vim.Text(i, "description"),
            LastUpdated = Vim.Time(i.Element(VimNamespaces.V + "lastUpdateTime")),
        }).ToList();
    }

    public async Task<VmDetails> CustomizeAsync(string vm, GuestCustomization customization, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customization);
        if (!provider.IsVCenter)
        {
            throw provider.NotOnThisKind("Guest customization");
        }

        var session = await VmDeviceSession.OpenAsync(provider, vm, cancellationToken);
        if (session.PoweredOn)
        {
            throw new HypervisorException(HypervisorErrorKind.Conflict, $"VM '{session.Name}' is powered on; a guest is customized while it is off, and takes the change at its next power-on", "InvalidPowerState");
        }

        var spec = await SpecAsync(customization, session.Devices.Nics.Count(), cancellationToken);
        return await session.RunAsync("CustomizeVM_Task", a => a.Element("spec", null, spec), progress, cancellationToken);
    }

    /// <summary>The spec's writer: checked inline settings, or a saved specification as the endpoint keeps it.</summary>
    public async Task<Action<SoapWriter>> SpecAsync(GuestCustomization customization, int nicCount, CancellationToken cancellationToken)
    {
        CustomizationSpecs.Check(customization, nicCount);
        if (customization.SpecName is not { } name)
        {
            return spec => CustomizationSpecs.Write(spec, customization, nicCount);
        }

        var manager = await ManagerAsync(cancellationToken);
        XElement? saved;
        try
        {
            saved = (await provider.Client.InvokeAsync("GetCustomizationSpec", manager, w => w.Text("name", name), cancellationToken)).FirstOrDefault()?.Element(VimNamespaces.V + "spec");
        }
        catch (HypervisorException e) when (e.Kind == HypervisorErrorKind.NotFound)
        {
            saved = null;
        }

        var found = saved ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"customization.spec_name: no saved specification '{name}' (list_customization_specs shows them)");
        return spec =>
        {
            foreach (var member in found.Elements())
            {
                spec.Copy(member);
            }
        };
    }

    public async Task<GuestState> WaitForGuestAsync(string vm, TimeSpan timeout, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromHours(1))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "timeout_seconds must be between 1 and 3600");
        }

        var vmRef = await provider.ResolveVmAsync(vm, cancellationToken);
        var clock = Stopwatch.StartNew();
        var guest = await GuestWatch.WaitAsync(provider.Client, vmRef, timeout, elapsed => progress?.Report((int)Math.Min(99, elapsed / timeout * 100)), cancellationToken);
        var ip = guest.GetValueOrDefault("guest.ipAddress");
        return new GuestState
        {
            Vm = vmRef.Value,
            Ready = !string.IsNullOrEmpty(ip),
            ToolsStatus = guest.GetValueOrDefault("guest.toolsRunningStatus"),
            IpAddress = string.IsNullOrEmpty(ip) ? null : ip,
            HostName = guest.GetValueOrDefault("guest.hostName") is { Length: > 0 } host ? host : null,
            WaitedSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
    }

    private async Task<ManagedObjectReference> ManagerAsync(CancellationToken cancellationToken) =>
        (await provider.ContentAsync(cancellationToken)).CustomizationSpecManager
        ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{provider.Target.Name}' keeps no customization specifications; saved specifications need a vCenter");
}
