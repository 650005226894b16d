using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Metrics;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider : IMetricsSource
{
    /// <summary>The vSphere realtime interval: 20-second samples, kept about an hour by the host.</summary>
    private const int RealtimeIntervalSeconds = 20;

    private static readonly string[] VmCounters =
    [
        "cpu.usage.average", "cpu.usagemhz.average", "mem.usage.average", "mem.consumed.average", "net.received.average", "net.transmitted.average",
    ];

    private static readonly string[] VmMetricPaths =
    [
        "name", "runtime.powerState", "summary.quickStats.overallCpuUsage", "summary.quickStats.guestMemoryUsage",
        "summary.quickStats.hostMemoryUsage", "summary.storage.committed", "summary.storage.uncommitted", "storage.perDatastoreUsage",
    ];

    private PerfCounterCatalog? _counters;

    /// <inheritdoc />
    public async Task<IReadOnlyList<CounterInfo>> ListCountersAsync(CancellationToken cancellationToken) =>
        (await CountersAsync(cancellationToken)).All;

    /// <inheritdoc />
    public async Task<IReadOnlyList<VmMetrics>> GetVmMetricsAsync(IReadOnlyCollection<string>? vms, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(cancellationToken);
        var all = await Client.RetrieveAllAsync(scope, [new PropertySpec("VirtualMachine", VmMetricPaths), new PropertySpec("Datastore", ["name"])], cancellationToken);
        var datastoreNames = all.Where(o => o.Obj.Type == "Datastore").ToDictionary(o => o.Obj, o => o.Text("name") ?? o.Obj.Value);
        var machines = all.Where(o => o.Obj.Type == "VirtualMachine").ToList();
        if (vms is not null)
        {
            var wanted = new HashSet<string>(vms, StringComparer.Ordinal);
            var missing = wanted.Where(w => !machines.Any(m => m.Obj.Value == w || m.Text("name") == w)).ToList();
            if (missing.Count > 0)
            {
                throw new HypervisorException(HypervisorErrorKind.NotFound, $"no VM named or with id {string.Join(", ", missing.Select(m => $"'{m}'"))} on target '{Target.Name}'");
            }

            machines = machines.Where(m => wanted.Contains(m.Obj.Value) || wanted.Contains(m.Text("name") ?? string.Empty)).ToList();
        }

        var running = machines.Where(m => m.Text("runtime.powerState") == "poweredOn").Select(m => m.Obj).ToList();
        var samples = await QueryLatestAsync(running, VmCounters, ["cpu.", "mem."], cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return machines.Select(m =>
        {
            var sample = samples.GetValueOrDefault(m.Obj);
            var nics = sample?.Series.Where(s => s.Counter.StartsWith("net.", StringComparison.Ordinal) && s.Instance is not ("" or "*"))
                .GroupBy(s => s.Instance)
                .Select(g => new NicThroughput(g.Key, g.FirstOrDefault(s => s.Counter == "net.received.average")?.Value, g.FirstOrDefault(s => s.Counter == "net.transmitted.average")?.Value))
                .ToList() ?? [];
            return new VmMetrics
            {
                Id = m.Obj.Value,
                Name = m.Text("name") ?? m.Obj.Value,
                PowerState = m.Text("runtime.powerState") ?? "unknown",
                SampledAt = sample?.Timestamp ?? now,
                CpuUsagePercent = sample?.Aggregate("cpu.usage.average") / 100.0,
                CpuUsageMhz = Vim.Long(m["summary.quickStats.overallCpuUsage"]) ?? sample?.Aggregate("cpu.usagemhz.average"),
                MemoryUsagePercent = sample?.Aggregate("mem.usage.average") / 100.0,
                MemoryConsumedMib = sample?.Aggregate("mem.consumed.average") / 1024,
                MemoryActiveMib = Vim.Long(m["summary.quickStats.guestMemoryUsage"]),
                HostMemoryUsageMib = Vim.Long(m["summary.quickStats.hostMemoryUsage"]),
                StorageCommittedBytes = Vim.Long(m["summary.storage.committed"]),
                StorageUncommittedBytes = Vim.Long(m["summary.storage.uncommitted"]),
                Datastores = m["storage.perDatastoreUsage"]?.Elements().Select(u => new DatastoreShare(
                    Vim.Ref(u.Element(VimNamespaces.V + "datastore")) is { } ds ? datastoreNames.GetValueOrDefault(ds, ds.Value) : "unknown",
                    Vim.Long(u.Element(VimNamespaces.V + "committed")) ?? 0)).ToList() ?? [],
                NetworkReceivedKBps = sample?.Aggregate("net.received.average"),
                NetworkTransmittedKBps = sample?.Aggregate("net.transmitted.average"),
                Nics = nics,
            };
        }).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HostMetrics>> GetHostMetricsAsync(CancellationToken cancellationToken)
    {
        var hosts = await Client.RetrieveAllAsync(await ScopeAsync(cancellationToken), "HostSystem",
        [
            "name", "summary.quickStats.overallCpuUsage", "summary.quickStats.overallMemoryUsage", "summary.hardware.cpuMhz",
            "summary.hardware.numCpuCores", "summary.hardware.memorySize", "summary.quickStats.uptime",
        ], cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return hosts.Select(h =>
        {
            var cpu = Vim.Long(h["summary.quickStats.overallCpuUsage"]) ?? 0;
            var cpuCapacity = (Vim.Long(h["summary.hardware.cpuMhz"]) ?? 0) * (Vim.Long(h["summary.hardware.numCpuCores"]) ?? 0);
            var memory = Vim.Long(h["summary.quickStats.overallMemoryUsage"]) ?? 0;
            var memoryCapacity = (Vim.Long(h["summary.hardware.memorySize"]) ?? 0) / (1024 * 1024);
            return new HostMetrics
            {
                Id = h.Obj.Value,
                Name = h.Text("name") ?? h.Obj.Value,
                SampledAt = now,
                CpuUsageMhz = cpu,
                CpuCapacityMhz = cpuCapacity,
                CpuUsagePercent = Percent(cpu, cpuCapacity),
                MemoryUsageMib = memory,
                MemoryCapacityMib = memoryCapacity,
                MemoryUsagePercent = Percent(memory, memoryCapacity),
                UptimeSeconds = Vim.Long(h["summary.quickStats.uptime"]),
            };
        }).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DatastoreMetrics>> GetDatastoreMetricsAsync(CancellationToken cancellationToken)
    {
        var stores = await Client.RetrieveAllAsync(await ScopeAsync(cancellationToken), "Datastore",
            ["name", "summary.capacity", "summary.freeSpace", "summary.uncommitted"], cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return stores.Select(d =>
        {
            var capacity = Vim.Long(d["summary.capacity"]) ?? 0;
            var free = Vim.Long(d["summary.freeSpace"]) ?? 0;
            return new DatastoreMetrics(d.Obj.Value, d.Text("name") ?? d.Obj.Value, now, capacity, free,
                capacity - free + (Vim.Long(d["summary.uncommitted"]) ?? 0), Percent(capacity - free, capacity));
        }).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    private static double Percent(long part, long whole) => whole <= 0 ? 0 : Math.Round(100.0 * part / whole, 2);

    private async Task<PerfCounterCatalog> CountersAsync(CancellationToken cancellationToken)
    {
        if (_counters is not null)
        {
            return _counters;
        }

        var content = await ContentAsync(cancellationToken);
        var perfManager = content.PerfManager ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{Target.Name}' has no PerformanceManager");
        return _counters = await PerfCounterCatalog.ReadAsync(Client, perfManager, cancellationToken);
    }

    /// <summary>
    /// One QueryPerf with a QuerySpec per entity, asking for the latest realtime sample of each counter;
    /// counters whose name starts with one of <paramref name="aggregateOnly"/> are asked for the whole
    /// entity, the others per instance too (per NIC).
    /// </summary>
    private async Task<Dictionary<ManagedObjectReference, PerfSample>> QueryLatestAsync(IReadOnlyCollection<ManagedObjectReference> entities, string[] counterNames, string[] aggregateOnly, CancellationToken cancellationToken)
    {
        if (entities.Count == 0)
        {
            return [];
        }

        var catalog = await CountersAsync(cancellationToken);
        var counters = counterNames.Select(name => (Name: name, Key: catalog.KeyOf(name))).Where(c => c.Key is not null).ToList();
        if (counters.Count == 0)
        {
            return [];
        }

        var perfManager = (await ContentAsync(cancellationToken)).PerfManager!.Value;
        var names = counters.ToDictionary(c => c.Key!.Value, c => c.Name);
        var samples = new System.Collections.Concurrent.ConcurrentDictionary<ManagedObjectReference, PerfSample>();
        // vCenter refuses or times out a QueryPerf over tens of thousands of entities; batches of a few hundred,
        // a few at a time, keep each call small and the round within the interval.
        await Parallel.ForEachAsync(entities.Chunk(PerfQueryBatch), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            foreach (var sample in (await QueryPerfAsync(perfManager, batch, counters, aggregateOnly, ct)).Select(metric => ParseSample(metric, names)).OfType<PerfSample>())
            {
                samples[sample.Entity] = sample;
            }
        });
        return new Dictionary<ManagedObjectReference, PerfSample>(samples);
    }

    /// <summary>Entities per QueryPerf: well under what vCenter accepts in one realtime query.</summary>
    private const int PerfQueryBatch = 250;

    private Task<List<XElement>> QueryPerfAsync(ManagedObjectReference perfManager, ManagedObjectReference[] entities, List<(string Name, int? Key)> counters, string[] aggregateOnly, CancellationToken cancellationToken) =>
        Client.InvokeAsync("QueryPerf", perfManager, w =>
        {
            foreach (var entity in entities)
            {
                w.Element("querySpec", null, spec =>
                {
                    spec.Ref("entity", entity).Number("maxSample", 1);
                    foreach (var (name, key) in counters)
                    {
                        spec.Element("metricId", null, id => id.Number("counterId", key).Text("instance", string.Empty));
                        if (!aggregateOnly.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
                        {
                            spec.Element("metricId", null, id => id.Number("counterId", key).Text("instance", "*"));
                        }
                    }

                    spec.Number("intervalId", RealtimeIntervalSeconds).Text("format", "normal");
                });
            }
        }, cancellationToken);

    private static PerfSample? ParseSample(XElement metric, Dictionary<int, string> names)
    {
        if (Vim.Ref(metric.Element(VimNamespaces.V + "entity")) is not { } entity)
        {
            return null;
        }

        var timestamps = metric.Elements(VimNamespaces.V + "sampleInfo").Select(s => Vim.Time(s.Element(VimNamespaces.V + "timestamp"))).ToList();
        var latest = timestamps.Count == 0 ? 0 : timestamps.IndexOf(timestamps.Max());
        var series = metric.Elements(VimNamespaces.V + "value").Select(v =>
        {
            var counterId = (int)(Vim.Long(Vim.Path(v, "id.counterId")) ?? -1);
            var values = v.Elements(VimNamespaces.V + "value").Select(x => Vim.Long(x)).ToList();
            return new PerfSeries(names.GetValueOrDefault(counterId, counterId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Vim.Path(v, "id.instance")?.Value ?? string.Empty, values.Count > latest ? values[latest] : null);
        }).ToList();
        return new PerfSample(entity, timestamps.Count == 0 ? null : timestamps[latest], series);
    }

    private sealed record PerfSeries(string Counter, string Instance, long? Value);

    private sealed record PerfSample(ManagedObjectReference Entity, DateTimeOffset? Timestamp, IReadOnlyList<PerfSeries> Series)
    {
        public long? Aggregate(string counter) => Series.FirstOrDefault(s => s.Counter == counter && s.Instance == string.Empty)?.Value;
    }
}
