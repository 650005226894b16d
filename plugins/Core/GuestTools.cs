using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Guest;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools for guest customization and for waiting until a guest answers.</summary>
[McpServerToolType]
internal sealed class GuestTools(ITargetProviders targets, ICallProgress progress)
{
    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_customization_specs", Title = "List saved customization specifications", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the guest customization specifications saved on the vCenter (name, Linux or Windows, description); customize_vm and clone_vm take one as customization.spec_name.")]
    public async Task<IReadOnlyList<CustomizationSpecInfo>> ListCustomizationSpecs([Description(ToolHelp.Target)] string? target = null, CancellationToken cancellationToken = default) =>
        await Of(await targets.GetAsync(target, cancellationToken)).ListCustomizationSpecsAsync(cancellationToken);

    [Policy(AccessScope.Operate, Subject = "vm")]
    [McpServerTool(Name = "customize_vm", Title = "Customize a VM's guest", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Gives a powered-off VM's guest a new identity, taken at its next power-on: host name, domain, time zone, per-NIC DHCP or fixed address, DNS (Linux: LinuxPrep; Windows: Sysprep with workgroup or domain join and admin password). Passwords are never logged, audited or returned. Needs a vCenter. Follow with power_vm POWER_ON and wait_for_guest.")]
    public async Task<VmDetails> CustomizeVm(
        [Description(ToolHelp.Vm)] string vm,
        [Description("The customization: spec_name alone, or os (linux|windows), host_name, domain, time_zone, workgroup, domain_admin, domain_admin_password, admin_password, nics [{ip, subnet_mask, gateways}] (omitted or no ip: DHCP), dns_servers, dns_suffixes.")] GuestCustomization customization,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await Of(await targets.GetAsync(target, cancellationToken)).CustomizeAsync(vm, customization, progress.For($"customizing {vm}"), cancellationToken);

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "wait_for_guest", Title = "Wait for a VM's guest to answer", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Waits until a running VM's guest reports an IP address through VMware Tools (after a power-on or a customization), reporting progress each second; ready=false when the time is up.")]
    public async Task<GuestState> WaitForGuest(
        [Description(ToolHelp.Vm)] string vm,
        [Description("How long to wait, 1-3600 seconds; 300 when omitted."), Range(1, 3600)] int timeout_seconds = 300,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await Of(await targets.GetAsync(target, cancellationToken)).WaitForGuestAsync(vm, TimeSpan.FromSeconds(timeout_seconds), progress.For($"waiting for the guest of {vm}"), cancellationToken);

    public static IGuestCustomizer Of(IHypervisorProvider provider) =>
        provider.Guest ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{provider.Target.Name}' cannot customize guests");
}
