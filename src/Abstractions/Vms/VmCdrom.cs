namespace VmwareMcp.Abstractions.Vms;

/// <summary>A VM's CD-ROM drive and what is in it. Since 2.5.</summary>
public sealed record VmCdrom
{
    /// <summary>Device key, unique within the VM.</summary>
    public required int Key { get; init; }

    /// <summary>Device label, for example <c>CD/DVD drive 1</c>.</summary>
    public required string Label { get; init; }

    /// <summary>The mounted ISO as a datastore path; null when the drive is empty or passes a host or client drive through.</summary>
    public string? Iso { get; init; }

    /// <summary>Whether the drive is connected.</summary>
    public bool Connected { get; init; }
}
