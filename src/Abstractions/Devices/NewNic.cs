namespace VmwareMcp.Abstractions.Devices;

/// <summary>A network adapter to add to a VM. Since 2.5.</summary>
public sealed record NewNic
{
    /// <summary>The network: a standard port group's name, or a distributed port group's name or id.</summary>
    public required string Network { get; init; }

    /// <summary><c>vmxnet3</c> (the default), <c>e1000e</c> or <c>e1000</c>.</summary>
    public string? AdapterType { get; init; }

    /// <summary>Whether it is connected now and at power-on; true when null.</summary>
    public bool? Connected { get; init; }
}
