namespace VmwareMcp.Abstractions.Vms;

/// <summary>A virtual disk.</summary>
/// <param name="Label">Device label, for example <c>Hard disk 1</c>.</param>
/// <param name="CapacityGb">Capacity in GiB.</param>
/// <param name="FileName">Backing file as a datastore path, <c>[ds] folder/file.vmdk</c>.</param>
/// <param name="Datastore">Datastore name.</param>
public sealed record VmDisk(string Label, double CapacityGb, string? FileName, string? Datastore)
{
    /// <summary>Device key, unique within the VM; the disk tools take it or the label. Since 2.5.</summary>
    public int Key { get; init; }

    /// <summary>The controller's label, for example <c>SCSI controller 0</c>. Since 2.5.</summary>
    public string? Controller { get; init; }

    /// <summary>The slot on the controller. Since 2.5.</summary>
    public int? UnitNumber { get; init; }

    /// <summary><c>thin</c>, <c>thick</c> or <c>eager_zeroed</c>; null when the backing is not a flat file (an RDM). Since 2.5.</summary>
    public string? Provisioning { get; init; }
}
