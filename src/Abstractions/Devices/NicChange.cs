namespace VmwareMcp.Abstractions.Devices;

/// <summary>A change to a network adapter; null members stay as they are. Since 2.5.</summary>
public sealed record NicChange
{
    /// <summary>The network to move the adapter to (its MAC address stays).</summary>
    public string? Network { get; init; }

    /// <summary>True connects the adapter (now and at power-on), false disconnects it.</summary>
    public bool? Connected { get; init; }
}
