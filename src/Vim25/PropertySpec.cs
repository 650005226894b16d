namespace VmwareMcp.Vim25;

/// <summary>Which properties to read for objects of one type.</summary>
/// <param name="Type">Managed object type, for example <c>HostSystem</c>.</param>
/// <param name="Paths">Property paths, for example <c>summary.hardware.cpuMhz</c>.</param>
public sealed record PropertySpec(string Type, IReadOnlyCollection<string> Paths);
