namespace VmwareMcp.Abstractions.Vms;

/// <summary>A virtual network adapter.</summary>
/// <param name="Label">Device label, for example <c>Network adapter 1</c>.</param>
/// <param name="Network">Network or port group name.</param>
/// <param name="MacAddress">MAC address.</param>
/// <param name="Connected">Whether it is connected.</param>
public sealed record VmNic(string Label, string? Network, string? MacAddress, bool Connected);
