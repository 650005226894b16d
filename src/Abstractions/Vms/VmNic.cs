namespace VmwareMcp.Abstractions.Vms;

/// <summary>A virtual network adapter.</summary>
/// <param name="Label">Device label, for example <c>Network adapter 1</c>.</param>
/// <param name="Network">Network or port group name.</param>
/// <param name="MacAddress">MAC address.</param>
/// <param name="Connected">Whether it is connected.</param>
public sealed record VmNic(string Label, string? Network, string? MacAddress, bool Connected)
{
    /// <summary>Device key, unique within the VM; the NIC tools take it, the label or the MAC. Since 2.5.</summary>
    public int Key { get; init; }

    /// <summary><c>vmxnet3</c>, <c>e1000e</c>, <c>e1000</c>, <c>vmxnet2</c> or <c>pcnet32</c>. Since 2.5.</summary>
    public string? AdapterType { get; init; }
}
