using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace PolicyProbe;

/// <summary>Tools that change, destroy and read for admins only, declaring it and leaving the checks to the host.</summary>
[McpServerToolType]
public sealed class PolicyProbeTools(ITargetProviders targets)
{
    /// <summary>Creates a VM.</summary>
    [McpServerTool(Name = "probe_create_vm", Title = "Probe: create a VM", UseStructuredContent = true)]
    [Policy(AccessScope.Operate, Subject = "name", Creates = "name")]
    [Description("Creates an empty VM with the given name (a test plugin's changing tool).")]
    public async Task<VmDetails> CreateVm([Description("The new VM's name.")] string name, [Description("Target name.")] string? target = null, CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).CreateVmAsync(new CreateVmRequest { VmLabel = name }, null, cancellationToken);

    /// <summary>Deletes a VM at once, powering it off first.</summary>
    [McpServerTool(Name = "probe_delete_vm", Title = "Probe: delete a VM", UseStructuredContent = true)]
    [Policy(AccessScope.Admin, Destructive = true, Subject = "vm")]
    [Description("Deletes a VM, powering it off first (a test plugin's destructive tool, with no confirmation of its own).")]
    public async Task<VmReference> DeleteVm([Description("The VM: id or exact name.")] string vm, [Description("Target name.")] string? target = null, CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).DeleteVmAsync(vm, true, null, cancellationToken);

    /// <summary>Lists datacenters, for admins only.</summary>
    [McpServerTool(Name = "probe_admin_read", Title = "Probe: admin-only read", ReadOnly = true, UseStructuredContent = true)]
    [Policy(AccessScope.Admin, Changes = false)]
    [Description("Lists datacenters; declared admin-only (a test plugin's tool an operate token must not see).")]
    public async Task<IReadOnlyList<DatacenterInfo>> AdminRead([Description("Target name.")] string? target = null, CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListDatacentersAsync(cancellationToken);
}
