using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ResourcePoolInfo>> ListResourcePoolsAsync(CancellationToken cancellationToken)
    {
        var tree = await PoolTreeAsync(cancellationToken);
        return tree.Pools().Select(p => ToPool(p, tree)).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public async Task<ResourcePoolInfo> CreateResourcePoolAsync(string parent, ResourcePoolSettings settings, CancellationToken cancellationToken)
    {
        var name = ContainerName(settings.Name, "name");
        PoolAllocations.Check(settings);
        var parentPool = (await PoolTreeAsync(cancellationToken)).Pool(parent, "parent", clusterRoot: true);
        var made = (await Client.InvokeAsync("CreateResourcePool", parentPool.Obj, w => w
                .Text("name", name)
                .Element("spec", null, spec => PoolAllocations.Write(spec, settings, complete: true)), cancellationToken)).Select(Vim.Ref).Single()
            ?? throw new HypervisorException(HypervisorErrorKind.Failed, "CreateResourcePool answered without naming the new pool");
        await WriteThroughAsync(made, cancellationToken);
        return await PoolAsync(made.Value, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ResourcePoolInfo> UpdateResourcePoolAsync(string pool, ResourcePoolSettings settings, CancellationToken cancellationToken)
    {
        var name = settings.Name is null ? null : ContainerName(settings.Name, "name");
        PoolAllocations.Check(settings);
        var found = (await PoolTreeAsync(cancellationToken)).Pool(pool, "pool");
        if (name is not null && found.Ref("parent")?.Type.EndsWith("ComputeResource", StringComparison.Ordinal) == true)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "name: a root pool keeps the name vSphere gives it (Resources)");
        }

        await Client.InvokeAsync("UpdateConfig", found.Obj, w => w
            .Text("name", name)
            .Element("config", null, spec => PoolAllocations.Write(spec, settings, complete: false)), cancellationToken);
        await WriteThroughAsync(found.Obj, cancellationToken);
        return await PoolAsync(found.Obj.Value, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ResourcePoolInfo> DeleteResourcePoolAsync(string pool, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var tree = await PoolTreeAsync(cancellationToken);
        var found = tree.Pool(pool, "pool");
        var info = ToPool(found, tree);
        if (info.Parent is null)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"pool: '{info.Path}' is the root pool of {info.Owner}, which cannot be deleted");
        }

        await Client.RunTaskAsync("Destroy_Task", found.Obj, null, progress, cancellationToken);
        _live?.Remove(found.Obj);
        // Its VMs and pools now belong to the parent; read them again so their rows say so at once.
        foreach (var moved in found.Refs("vm").Concat(found.Refs("resourcePool")))
        {
            await WriteThroughAsync(moved, cancellationToken);
        }

        return info;
    }

    /// <summary>
    /// The pool a create or clone names: by inventory path or id (unambiguous: every root pool is named
    /// Resources), else by its name alone through <paramref name="lookup"/>.
    /// </summary>
    private async Task<ManagedObjectReference> PoolNamedAsync(string pool, InventoryLookup lookup, CancellationToken cancellationToken) =>
        pool.Contains('/', StringComparison.Ordinal) || pool.StartsWith("resgroup-", StringComparison.Ordinal)
            ? (await PoolTreeAsync(cancellationToken)).Pool(pool, "resource_pool").Obj
            : lookup.Pool(pool);

    private async Task<InventoryTree> PoolTreeAsync(CancellationToken cancellationToken) =>
        await InventoryTree.ReadAsync(Client, await ScopeAsync(cancellationToken), InventoryTree.PoolSpecs, cancellationToken);

    private async Task<ResourcePoolInfo> PoolAsync(string id, CancellationToken cancellationToken)
    {
        var tree = await PoolTreeAsync(cancellationToken);
        return tree.Pools().Where(p => p.Obj.Value == id).Select(p => ToPool(p, tree)).FirstOrDefault()
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"resource pool {id} is gone from target '{Target.Name}'");
    }

    private static ResourcePoolInfo ToPool(ObjectContent pool, InventoryTree tree)
    {
        var parent = pool.Ref("parent");
        var isRoot = parent?.Type.EndsWith("ComputeResource", StringComparison.Ordinal) == true;
        return new ResourcePoolInfo
        {
            Id = pool.Obj.Value,
            Name = pool.Text("name") ?? pool.Obj.Value,
            Path = tree.PathOf(pool.Obj)!,
            Owner = tree.NameOf(pool.Ref("owner")),
            Parent = isRoot ? null : tree.PathOf(parent),
            Cpu = PoolAllocations.Read(pool["config.cpuAllocation"]),
            Memory = PoolAllocations.Read(pool["config.memoryAllocation"]),
            Vms = pool.Refs("vm").Count(),
            Pools = pool.Refs("resourcePool").Count(),
        };
    }
}
