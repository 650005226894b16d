using VmwareMcp.Abstractions.Metrics;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>The endpoint's performance counters, read once, looked up by <c>group.name.rollup</c>.</summary>
internal sealed class PerfCounterCatalog(IReadOnlyList<CounterInfo> counters)
{
    private readonly Dictionary<string, CounterInfo> _byName = counters.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IReadOnlyList<CounterInfo> All { get; } = counters;

    public int? KeyOf(string name) => _byName.TryGetValue(name, out var counter) ? counter.Key : null;

    public static async Task<PerfCounterCatalog> ReadAsync(VimClient client, ManagedObjectReference perfManager, CancellationToken cancellationToken)
    {
        var manager = await client.RetrieveOneAsync(perfManager, ["perfCounter"], cancellationToken);
        var counters = manager?["perfCounter"]?.Elements().Select(c => new CounterInfo(
            (int)(Vim.Long(c.Element(VimNamespaces.V + "key")) ?? 0),
            $"{Vim.Path(c, "groupInfo.key")?.Value}.{Vim.Path(c, "nameInfo.key")?.Value}.{Vim.Text(c, "rollupType")}",
            Vim.Path(c, "unitInfo.key")?.Value ?? "unknown",
            Vim.Path(c, "nameInfo.summary")?.Value,
            (int)(Vim.Long(c.Element(VimNamespaces.V + "level")) ?? 0))).ToList() ?? [];
        return new PerfCounterCatalog(counters);
    }
}
