using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DatacenterInfo>> ListDatacentersAsync(CancellationToken cancellationToken)
    {
        await ContentAsync(cancellationToken);
        var all = await Client.RetrieveAllAsync(null, "Datacenter", ["name"], cancellationToken);
        return all.Select(o => new DatacenterInfo(o.Obj.Value, o.Text("name") ?? o.Obj.Value)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<ClusterInfo>> ListClustersAsync(CancellationToken cancellationToken)
    {
        var all = await Client.RetrieveAllAsync(await ScopeAsync(cancellationToken), "ClusterComputeResource",
            ["name", "host", "summary.totalCpu", "summary.totalMemory", "configurationEx"], cancellationToken);
        return all.Select(o => new ClusterInfo(
                o.Obj.Value,
                o.Text("name") ?? o.Obj.Value,
                o.Refs("host").Count(),
                Vim.Long(o["summary.totalCpu"]) ?? 0,
                Vim.Long(o["summary.totalMemory"]) ?? 0,
                Vim.Path(o["configurationEx"], "drsConfig.enabled")?.Value == "true",
                Vim.Path(o["configurationEx"], "dasConfig.enabled")?.Value == "true"))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HostInfo>> ListHostsAsync(CancellationToken cancellationToken)
    {
        var objects = await Client.RetrieveAllAsync(await ScopeAsync(cancellationToken),
        [
            new PropertySpec("HostSystem",
            [
                "name", "parent", "runtime.connectionState", "runtime.powerState", "runtime.inMaintenanceMode", "runtime.bootTime",
                "summary.hardware.vendor", "summary.hardware.model", "summary.hardware.cpuModel", "summary.hardware.numCpuCores",
                "summary.hardware.numCpuThreads", "summary.hardware.cpuMhz", "summary.hardware.memorySize",
                "summary.config.product.version", "summary.config.product.build", "summary.quickStats.uptime",
            ]),
            HostDirectory.ComputeSpec,
        ], cancellationToken);
        var clusters = objects.Where(o => o.Obj.Type == "ClusterComputeResource").ToDictionary(o => o.Obj, o => o.Text("name"));
        return objects.Where(o => o.Obj.Type == "HostSystem").Select(o => new HostInfo
        {
            Id = o.Obj.Value,
            Name = o.Text("name") ?? o.Obj.Value,
            Cluster = o.Ref("parent") is { } parent ? clusters.GetValueOrDefault(parent) : null,
            ConnectionState = o.Text("runtime.connectionState") ?? "unknown",
            PowerState = o.Text("runtime.powerState") ?? "unknown",
            InMaintenanceMode = o.Text("runtime.inMaintenanceMode") == "true",
            Vendor = o.Text("summary.hardware.vendor"),
            Model = o.Text("summary.hardware.model"),
            CpuModel = o.Text("summary.hardware.cpuModel"),
            CpuCores = (int)(Vim.Long(o["summary.hardware.numCpuCores"]) ?? 0),
            CpuThreads = (int)(Vim.Long(o["summary.hardware.numCpuThreads"]) ?? 0),
            CpuMhz = (int)(Vim.Long(o["summary.hardware.cpuMhz"]) ?? 0),
            MemoryBytes = Vim.Long(o["summary.hardware.memorySize"]) ?? 0,
            Version = o.Text("summary.config.product.version"),
            Build = o.Text("summary.config.product.build"),
            UptimeSeconds = Vim.Long(o["summary.quickStats.uptime"]) ?? (Vim.Time(o["runtime.bootTime"]) is { } boot ? (long)(DateTimeOffset.UtcNow - boot).TotalSeconds : null),
        })
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DatastoreInfo>> ListDatastoresAsync(CancellationToken cancellationToken)
    {
        var all = await Client.RetrieveAllAsync(await ScopeAsync(cancellationToken), "Datastore",
            ["name", "summary.type", "summary.capacity", "summary.freeSpace", "summary.accessible", "summary.url"], cancellationToken);
        return all.Select(o => new DatastoreInfo(
                o.Obj.Value,
                o.Text("name") ?? o.Obj.Value,
                o.Text("summary.type") ?? "unknown",
                Vim.Long(o["summary.capacity"]) ?? 0,
                Vim.Long(o["summary.freeSpace"]) ?? 0,
                o.Text("summary.accessible") != "false",
                o.Text("summary.url")))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(CancellationToken cancellationToken)
    {
        var all = await Client.RetrieveAllAsync(await ScopeAsync(cancellationToken), "Network", ["name", "summary.accessible"], cancellationToken);
        return all.Select(o => new NetworkInfo(o.Obj.Value, o.Text("name") ?? o.Obj.Value, o.Obj.Type, o.Text("summary.accessible") != "false"))
            .OrderBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
    }
}
