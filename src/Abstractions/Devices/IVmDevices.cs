using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Abstractions.Devices;

/// <summary>
/// A VM's virtual hardware after creation: disks, network adapters, CD-ROM media and the hardware version.
/// Since 2.5; offered through <see cref="Providers.IHypervisorProvider.Devices"/>.
/// </summary>
/// <remarks>
/// Devices are named by their label as get_vm shows it (<c>Hard disk 2</c>, <c>Network adapter 1</c>) or by
/// their device key; a NIC also by its MAC address. Every change is one ReconfigVM_Task (or UpgradeVM_Task)
/// and answers the VM as it is afterwards. Bad values throw <see cref="Errors.HypervisorException"/> with
/// <see cref="Errors.HypervisorErrorKind.InvalidArgument"/> naming the field, before anything is sent.
/// </remarks>
public interface IVmDevices
{
    /// <summary>Adds a new, empty disk.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="disk">Size, provisioning, controller and datastore.</param>
    /// <param name="progress">Receives the task's percentage.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> AddDiskAsync(string vm, NewDisk disk, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Grows a disk; shrinking is refused, as vSphere refuses it.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="disk">The disk's label or key.</param>
    /// <param name="sizeGb">The new size in GiB, larger than the current one.</param>
    /// <param name="progress">Receives the task's percentage.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> ResizeDiskAsync(string vm, string disk, int sizeGb, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Detaches a disk, deleting its file too when asked.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="disk">The disk's label or key.</param>
    /// <param name="deleteFile">True to delete the disk's file from the datastore as well (cannot be undone).</param>
    /// <param name="progress">Receives the task's percentage.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> RemoveDiskAsync(string vm, string disk, bool deleteFile, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Adds a network adapter on a standard or distributed port group.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="nic">Network, adapter type and whether it starts connected.</param>
    /// <param name="progress">Receives the task's percentage.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> AddNicAsync(string vm, NewNic nic, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Moves an adapter to another network and/or connects or disconnects it.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="nic">The adapter's label, key or MAC address.</param>
    /// <param name="change">What to change; what is not given stays.</param>
    /// <param name="progress">Receives the task's percentage.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> UpdateNicAsync(string vm, string nic, NicChange change, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Removes a network adapter.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="nic">The adapter's label, key or MAC address.</param>
    /// <param name="progress">Receives the task's percentage.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> RemoveNicAsync(string vm, string nic, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Puts an ISO in the VM's CD-ROM drive (adding a drive when it has none), or ejects it.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="isoPath">The ISO as a datastore path, <c>[ds] folder/file.iso</c>, which must exist; null ejects.</param>
    /// <param name="progress">Receives the task's percentage.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> SetCdromAsync(string vm, string? isoPath, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Upgrades a powered-off VM's virtual hardware; it cannot be downgraded afterwards.</summary>
    /// <param name="vm">The VM's id or exact name.</param>
    /// <param name="version">The version, <c>vmx-19</c>; null for the newest the host supports.</param>
    /// <param name="progress">Receives the task's percentage.</param>
    /// <param name="cancellationToken">Stops waiting; the task goes on.</param>
    Task<VmDetails> UpgradeHardwareAsync(string vm, string? version, IProgress<int>? progress, CancellationToken cancellationToken);
}
