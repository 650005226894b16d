using Prometheus;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Telemetry;

/// <summary>
/// The Prometheus side: gauges per VM, host and datastore, labelled by target, plus the collector's own
/// counters, in a registry of this plugin's (the host's HTTP metrics go in it too).
/// </summary>
internal sealed class TelemetryExporter
{
    private readonly Gauge _vmCpuMhz, _vmCpuPercent, _vmMemoryPercent, _vmHostMemoryMib, _vmNetRx, _vmNetTx, _vmCommitted, _vmPoweredOn;
    private readonly Gauge _hostCpuMhz, _hostCpuCapacity, _hostMemoryMib, _hostMemoryCapacity, _hostUptime;
    private readonly Gauge _dsCapacity, _dsFree, _dsProvisioned, _vmInfo;
    private readonly Counter _samples, _failures;
    private readonly Gauge _duration, _stale;
    private readonly Dictionary<string, List<(Gauge Gauge, string[] Labels)>> _seriesByTarget = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TelemetryExporter()
    {
        Registry = Metrics.NewCustomRegistry();
        Factory = Metrics.WithCustomRegistry(Registry);
        // The managed object id beside the name: names are unique only within a folder, ids within a target.
        string[] vm = ["target", "vm", "id"], host = ["target", "host", "id"], datastore = ["target", "datastore", "id"], target = ["target"];
        _vmCpuMhz = Factory.CreateGauge("vmwaremcp_vm_cpu_usage_mhz", "VM CPU usage in MHz.", vm);
        _vmCpuPercent = Factory.CreateGauge("vmwaremcp_vm_cpu_usage_percent", "VM CPU usage in percent of its vCPUs.", vm);
        _vmMemoryPercent = Factory.CreateGauge("vmwaremcp_vm_memory_usage_percent", "VM active memory in percent of configured.", vm);
        _vmHostMemoryMib = Factory.CreateGauge("vmwaremcp_vm_host_memory_usage_mib", "Host memory a VM uses, MiB.", vm);
        _vmNetRx = Factory.CreateGauge("vmwaremcp_vm_network_received_kbps", "VM network receive rate, KB/s.", vm);
        _vmNetTx = Factory.CreateGauge("vmwaremcp_vm_network_transmitted_kbps", "VM network transmit rate, KB/s.", vm);
        _vmCommitted = Factory.CreateGauge("vmwaremcp_vm_storage_committed_bytes", "Datastore bytes a VM occupies.", vm);
        _vmPoweredOn = Factory.CreateGauge("vmwaremcp_vm_powered_on", "1 when the VM is powered on.", vm);
        // An info series (always 1) to join VM series to hosts and clusters: "on(target, id) group_left(host, cluster)".
        _vmInfo = Factory.CreateGauge("vmwaremcp_vm_info", "Always 1; the labels place the VM on its host and cluster.", [.. vm, "host", "cluster", "guest_id"]);
        _hostCpuMhz = Factory.CreateGauge("vmwaremcp_host_cpu_usage_mhz", "Host CPU usage, MHz.", host);
        _hostCpuCapacity = Factory.CreateGauge("vmwaremcp_host_cpu_capacity_mhz", "Host CPU capacity, MHz.", host);
        _hostMemoryMib = Factory.CreateGauge("vmwaremcp_host_memory_usage_mib", "Host memory usage, MiB.", host);
        _hostMemoryCapacity = Factory.CreateGauge("vmwaremcp_host_memory_capacity_mib", "Host memory, MiB.", host);
        _hostUptime = Factory.CreateGauge("vmwaremcp_host_uptime_seconds", "Seconds since the host booted.", host);
        _dsCapacity = Factory.CreateGauge("vmwaremcp_datastore_capacity_bytes", "Datastore capacity.", datastore);
        _dsFree = Factory.CreateGauge("vmwaremcp_datastore_free_bytes", "Datastore free space.", datastore);
        _dsProvisioned = Factory.CreateGauge("vmwaremcp_datastore_provisioned_bytes", "Datastore space used plus what thin disks may claim.", datastore);
        _samples = Factory.CreateCounter("vmwaremcp_collector_samples_total", "Collection rounds that succeeded.", target);
        _failures = Factory.CreateCounter("vmwaremcp_collector_failures_total", "Collection rounds that failed.", target);
        _duration = Factory.CreateGauge("vmwaremcp_collector_duration_seconds", "How long the last collection round took.", target);
        _stale = Factory.CreateGauge("vmwaremcp_target_stale", "1 while a target's metrics are stale (its last round failed).", target);
        var build = Factory.CreateGauge("vmwaremcp_build_info", "Always 1; the labels say which build runs.", ["version", "contract", "runtime"]);
        build.WithLabels(Version(typeof(TelemetryExporter).Assembly), VmwareMcp.Abstractions.ContractVersion.Current, Environment.Version.ToString()).Set(1);
    }

    /// <summary>
    /// Publishes the target's counters at zero before its first round, so a rate over them is defined from the
    /// start and an alert on failures does not wait for the first one to exist.
    /// </summary>
    public void Known(string target)
    {
        _samples.WithLabels(target).Publish();
        _failures.WithLabels(target).Publish();
    }

    private static string Version(System.Reflection.Assembly assembly) =>
        (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion ?? "0").Split('+')[0];

    public CollectorRegistry Registry { get; }

    /// <summary>
    /// Writes the exposition with only the series of <paramref name="visible"/> targets (a token limited to some
    /// targets sees their series and the host's own, none labelled with another target).
    /// </summary>
    public async Task ExportAsync(Stream output, IReadOnlySet<string> visible, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(buffer, cancellationToken);
        buffer.Position = 0;
        using var reader = new StreamReader(buffer);
        await using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\n" };
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (SeriesTarget(line) is not { } target || visible.Contains(target))
            {
                await writer.WriteLineAsync(line);
            }
        }
    }

    /// <summary>The value of a sample line's <c>target</c> label, unescaped; null for comments and unlabelled series.</summary>
    private static string? SeriesTarget(string line)
    {
        var start = line.StartsWith('#') ? -1 : line.IndexOf("target=\"", StringComparison.Ordinal);
        if (start < 0 || (start > 0 && line[start - 1] is not ('{' or ',')))
        {
            return null;
        }

        var value = new System.Text.StringBuilder();
        for (var i = start + 8; i < line.Length && line[i] != '"'; i++)
        {
            value.Append(line[i] == '\\' && i + 1 < line.Length ? line[++i] switch { 'n' => '\n', var c => c } : line[i]);
        }

        return value.ToString();
    }

    public IMetricFactory Factory { get; }

    /// <param name="sample">The round's samples.</param>
    /// <param name="placement">Where each VM runs, by id, from the target's inventory.</param>
    /// <param name="duration">How long the round took.</param>
    public void Record(TargetSample sample, IReadOnlyDictionary<string, VmSummary> placement, TimeSpan duration)
    {
        lock (_gate)
        {
            if (_seriesByTarget.TryGetValue(sample.Target, out var previous))
            {
                // VMs, hosts and datastores that are gone must not linger as stale series.
                foreach (var (gauge, labels) in previous)
                {
                    gauge.RemoveLabelled(labels);
                }
            }

            var series = new List<(Gauge, string[])>();
            void Set(Gauge gauge, string[] labels, double? value)
            {
                if (value is { } v)
                {
                    gauge.WithLabels(labels).Set(v);
                    series.Add((gauge, labels));
                }
            }

            foreach (var vm in sample.Vms)
            {
                string[] labels = [sample.Target, vm.Name, vm.Id];
                Set(_vmCpuMhz, labels, vm.CpuUsageMhz);
                Set(_vmCpuPercent, labels, vm.CpuUsagePercent);
                Set(_vmMemoryPercent, labels, vm.MemoryUsagePercent);
                Set(_vmHostMemoryMib, labels, vm.HostMemoryUsageMib);
                Set(_vmNetRx, labels, vm.NetworkReceivedKBps);
                Set(_vmNetTx, labels, vm.NetworkTransmittedKBps);
                Set(_vmCommitted, labels, vm.StorageCommittedBytes);
                Set(_vmPoweredOn, labels, vm.PowerState == "poweredOn" ? 1 : 0);
                if (placement.GetValueOrDefault(vm.Id) is { } place)
                {
                    Set(_vmInfo, [.. labels, place.Host ?? string.Empty, place.Cluster ?? string.Empty, place.GuestId ?? string.Empty], 1);
                }
            }

            foreach (var host in sample.Hosts)
            {
                string[] labels = [sample.Target, host.Name, host.Id];
                Set(_hostCpuMhz, labels, host.CpuUsageMhz);
                Set(_hostCpuCapacity, labels, host.CpuCapacityMhz);
                Set(_hostMemoryMib, labels, host.MemoryUsageMib);
                Set(_hostMemoryCapacity, labels, host.MemoryCapacityMib);
                Set(_hostUptime, labels, host.UptimeSeconds);
            }

            foreach (var datastore in sample.Datastores)
            {
                string[] labels = [sample.Target, datastore.Name, datastore.Id];
                Set(_dsCapacity, labels, datastore.CapacityBytes);
                Set(_dsFree, labels, datastore.FreeBytes);
                Set(_dsProvisioned, labels, datastore.ProvisionedBytes);
            }

            _seriesByTarget[sample.Target] = series;
            _samples.WithLabels(sample.Target).Inc();
            _duration.WithLabels(sample.Target).Set(duration.TotalSeconds);
            _stale.WithLabels(sample.Target).Set(0);
        }
    }

    public void RecordFailure(string target)
    {
        _failures.WithLabels(target).Inc();
        _stale.WithLabels(target).Set(1);
    }
}
