using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Abstractions.Ovf;

/// <summary>
/// Deploys OVF and OVA packages: an import spec from the descriptor, an import lease, the disk uploads and the
/// lease's completion. Since 2.6; offered through <see cref="Providers.IHypervisorProvider.Ovf"/>.
/// </summary>
/// <remarks>
/// All or nothing: when anything fails or the call is cancelled after the import started, the lease is
/// aborted and the half-made VM is destroyed, so no VM is left behind. Bad values (an unknown OVF network, a
/// descriptor vSphere cannot import) throw <see cref="Errors.HypervisorException"/> with
/// <see cref="Errors.HypervisorErrorKind.InvalidArgument"/> before anything is made.
/// </remarks>
public interface IOvfDeployer
{
    /// <summary>Reads the package's descriptor and what it asks for, without making anything.</summary>
    /// <param name="package">The package to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<OvfSummary> InspectAsync(OvfPackage package, CancellationToken cancellationToken);

    /// <summary>Deploys the package as a new VM and answers the VM as it is afterwards.</summary>
    /// <param name="deployment">The package, the name and the placement.</param>
    /// <param name="progress">Receives the share uploaded, 0-100.</param>
    /// <param name="cancellationToken">Aborts the import (and removes what it made).</param>
    Task<VmDetails> DeployAsync(OvfDeployment deployment, IProgress<int>? progress, CancellationToken cancellationToken);
}
