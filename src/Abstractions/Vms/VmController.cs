namespace VmwareMcp.Abstractions.Vms;

/// <summary>A VM's disk controller (SCSI, SATA, NVMe or IDE), which disks and CD-ROM drives hang on. Since 2.5.</summary>
public sealed record VmController
{
    /// <summary>Device key, unique within the VM; add_vm_disk's <c>controller</c> takes it.</summary>
    public required int Key { get; init; }

    /// <summary>Device label, for example <c>SCSI controller 0</c>.</summary>
    public required string Label { get; init; }

    /// <summary><c>lsilogic</c>, <c>lsilogic_sas</c>, <c>pvscsi</c>, <c>buslogic</c>, <c>sata</c>, <c>nvme</c> or <c>ide</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Bus number among controllers of its kind.</summary>
    public int BusNumber { get; init; }

    /// <summary>How many devices are on it.</summary>
    public int Devices { get; init; }
}
