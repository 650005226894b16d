namespace VmwareMcp.Abstractions.Vms;

/// <summary>One page of a VM list.</summary>
/// <param name="Items">The VMs on this page, ordered by name then id.</param>
/// <param name="Total">How many VMs match the filters in all.</param>
/// <param name="Offset">The offset this page starts at.</param>
/// <param name="NextOffset">The offset of the next page, or null on the last page.</param>
public sealed record VmPage(IReadOnlyList<VmSummary> Items, int Total, int Offset, int? NextOffset);
