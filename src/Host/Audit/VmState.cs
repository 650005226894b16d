using System.Security.Claims;
using System.Text.Json.Nodes;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Host.Security;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.Audit;

/// <summary>What the audit log keeps of a VM before and after a change to it.</summary>
/// <param name="PowerState">poweredOn, poweredOff or suspended.</param>
/// <param name="NumCpu">vCPUs.</param>
/// <param name="MemoryMib">Memory in MiB.</param>
/// <param name="Host">The host it runs on.</param>
/// <param name="Datastores">The datastores its files are on.</param>
/// <param name="Id">Its managed object id (so an undo finds it even after a rename).</param>
/// <param name="Name">Its name.</param>
public sealed record VmState(string PowerState, int NumCpu, int MemoryMib, string? Host, IReadOnlyList<string> Datastores, string? Id = null, string? Name = null)
{
    /// <summary>
    /// Reads the VM for the audit log as <paramref name="caller"/> (so its target limits hold), or null when it
    /// does not exist or cannot be read; the change itself is never held up by this.
    /// </summary>
    internal static async Task<VmState?> ReadAsync(TargetProviders targets, ClaimsPrincipal? caller, string? target, string? vm, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(vm) || CallerScopes.Of(caller) < Scope.Operate)
        {
            return null;
        }

        try
        {
            using (Caller.Use(caller))
            {
                var details = await (await targets.GetAsync(target, cancellationToken)).GetVmAsync(vm, cancellationToken);
                return new VmState(details.PowerState, details.NumCpu, details.MemoryMib, details.Host, details.Datastores, details.Id, details.Name);
            }
        }
        catch (Exception ex) when (ex is HypervisorException or HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }
}
