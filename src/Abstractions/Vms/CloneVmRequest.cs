namespace VmwareMcp.Abstractions.Vms;

/// <summary>A clone, with the original's body names (<c>source_identifier</c>, <c>destination_label</c>).</summary>
public sealed record CloneVmRequest
{
    /// <summary>The VM or template to copy: id or exact name.</summary>
    public required string SourceIdentifier { get; init; }

    /// <summary>The new VM's name.</summary>
    public required string DestinationLabel { get; init; }

    /// <summary>Datastore for the copy; default the source's.</summary>
    public string? Datastore { get; init; }

    /// <summary>Resource pool name; default the source's (a template's: the target's cluster).</summary>
    public string? Pool { get; init; }

    /// <summary>Host name; default chosen by the endpoint.</summary>
    public string? Host { get; init; }

    /// <summary>Power the copy on.</summary>
    public bool PowerOn { get; init; }

    /// <summary>Make the copy a template.</summary>
    public bool AsTemplate { get; init; }

    /// <summary>A guest customization the copy takes at its first power-on; null copies the guest as it is. Since 2.5.</summary>
    public Guest.GuestCustomization? Customization { get; init; }
}
