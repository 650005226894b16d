namespace VmwareMcp.Abstractions.Metrics;

/// <summary>A performance counter from the endpoint's catalogue.</summary>
/// <param name="Key">The counter's numeric id on this endpoint.</param>
/// <param name="Name">Its name as <c>group.name.rollup</c>, for example <c>cpu.usage.average</c>.</param>
/// <param name="Unit">Unit key, for example <c>percent</c>, <c>megaHertz</c>, <c>kiloBytesPerSecond</c>.</param>
/// <param name="Description">What it measures.</param>
/// <param name="Level">Statistics level (1-4) at which vCenter keeps it.</param>
public sealed record CounterInfo(int Key, string Name, string Unit, string? Description, int Level);
