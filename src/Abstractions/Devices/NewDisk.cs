namespace VmwareMcp.Abstractions.Devices;

/// <summary>A disk to add to a VM. Since 2.5.</summary>
public sealed record NewDisk
{
    /// <summary>Size in GiB, 1 to 63488 (62 TiB, vSphere's limit).</summary>
    public required int SizeGb { get; init; }

    /// <summary>
    /// <c>thin</c> (the default: space is taken as written), <c>thick</c> (lazily zeroed) or
    /// <c>eager_zeroed</c> (zeroed up front, as fault tolerance and some clusters need).
    /// </summary>
    public string? Provisioning { get; init; }

    /// <summary>
    /// An existing controller's label or key (<c>SCSI controller 0</c>), or the type of a new one to add:
    /// <c>lsilogic</c>, <c>lsilogic_sas</c>, <c>pvscsi</c>, <c>buslogic</c>, <c>sata</c> or <c>nvme</c>. Null picks
    /// the first SCSI controller with a free slot, adding an LSI Logic one when there is none.
    /// </summary>
    public string? Controller { get; init; }

    /// <summary>The datastore to put the file on; null for the VM's own (where its configuration file is).</summary>
    public string? Datastore { get; init; }
}
