using System.Collections;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Vsphere;

/// <summary>
/// The live inventory's VMs at one moment, sorted by name then id, with an index by name (ignoring case)
/// so a glob with a literal prefix touches only the VMs it can match, not all of them.
/// </summary>
internal sealed class VmSnapshot : IReadOnlyList<VmSummary>
{
    private readonly VmSummary[] _vms;
    private readonly int[] _byName;

    public VmSnapshot(VmSummary[] sorted)
    {
        _vms = sorted;
        _byName = Enumerable.Range(0, sorted.Length).ToArray();
        Array.Sort(_byName, (a, b) => StringComparer.OrdinalIgnoreCase.Compare(sorted[a].Name, sorted[b].Name));
    }

    public int Count => _vms.Length;

    public VmSummary this[int index] => _vms[index];

    /// <summary>The VMs whose name starts with <paramref name="prefix"/> (ignoring case), in snapshot order.</summary>
    public IReadOnlyList<VmSummary> WithNamePrefix(string prefix)
    {
        if (prefix.Length == 0)
        {
            return _vms;
        }

        // Names that share a prefix, ignoring case, are contiguous in ignore-case order.
        int low = 0, high = _byName.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.Compare(_vms[_byName[middle]].Name, prefix, StringComparison.OrdinalIgnoreCase) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var matches = new List<int>();
        for (var i = low; i < _byName.Length && _vms[_byName[i]].Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase); i++)
        {
            matches.Add(_byName[i]);
        }

        matches.Sort();
        return matches.Select(i => _vms[i]).ToList();
    }

    public IEnumerator<VmSummary> GetEnumerator() => ((IEnumerable<VmSummary>)_vms).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
