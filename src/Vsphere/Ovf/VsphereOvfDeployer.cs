using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Ovf;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Ovf;

/// <summary>
/// <see cref="IOvfDeployer"/> over vim25: OvfManager.CreateImportSpec, ResourcePool.ImportVApp, the lease's
/// disk uploads with keep-alive, and HttpNfcLeaseComplete. The same on vCenter and a standalone ESXi host.
/// </summary>
internal sealed class VsphereOvfDeployer(VsphereProvider provider) : IOvfDeployer
{
    private static readonly Dictionary<string, string> Provisionings = new(StringComparer.Ordinal)
    {
        ["thin"] = "thin", ["thick"] = "thick", ["eager_zeroed"] = "eagerZeroedThick",
    };

    public async Task<OvfSummary> InspectAsync(OvfPackage package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        await using var reader = await OvfPackageReader.OpenAsync(package, cancellationToken);
        return reader.Descriptor.Summary;
    }

    public async Task<VmDetails> DeployAsync(OvfDeployment deployment, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        VsphereProvider.ValidateName(deployment.Name, "name");
        var provisioning = Provisionings.GetValueOrDefault(deployment.DiskProvisioning ?? "thin")
            ?? throw Invalid($"disk_provisioning must be one of {string.Join(", ", Provisionings.Keys)}, not '{deployment.DiskProvisioning}'");
        var ovfManager = (await provider.ContentAsync(cancellationToken)).OvfManager ?? throw provider.NotOnThisKind("Deploying OVF packages (OvfManager)");

        await using var reader = await OvfPackageReader.OpenAsync(deployment.Package, cancellationToken);
        var summary = reader.Descriptor.Summary;
        CheckNames(deployment.NetworkMapping?.Keys, summary.Networks, "network_mapping", "network");
        CheckNames(deployment.Properties?.Keys, summary.Properties, "properties", "property");
        CheckNames(deployment.DeploymentOption is { } option ? [option] : null, summary.DeploymentOptions, "deployment_option", "deployment option");

        var placement = await provider.PlaceAsync(deployment.Datastore, deployment.Network, deployment.Folder, deployment.Cluster, deployment.ResourcePool, cancellationToken);
        var networks = summary.Networks.ToDictionary(n => n, n => deployment.NetworkMapping?.GetValueOrDefault(n) is { } mapped ? placement.Lookup.Network(mapped) : placement.Network.Ref, StringComparer.Ordinal);
        await provider.EnsureNameFreeAsync(placement.Folder, deployment.Name, cancellationToken);

        var import = await OvfImportSpec.CreateAsync(provider.Client, ovfManager,
            reader.Descriptor, new OvfImportSpec.Request(deployment.Name, placement.Pool, placement.Datastore, networks, provisioning, deployment.DeploymentOption, deployment.Properties),
            deployment.Package.Source, cancellationToken);
        var leaseRef = (await provider.Client.InvokeAsync("ImportVApp", placement.Pool, w =>
        {
            w.Copy(import.Spec);
            if (provider.IsVCenter)
            {
                w.Ref("folder", placement.Folder); // A standalone host files VMs in its one folder and takes none.
            }
        }, cancellationToken)).Select(Vim.Ref).FirstOrDefault() ?? throw new HypervisorException(HypervisorErrorKind.Failed, "ImportVApp answered no lease");

        var vm = await UploadAsync(reader, import, leaseRef, deployment.Package.Source, progress, cancellationToken);
        if (deployment.PowerOn)
        {
            await provider.Client.RunTaskAsync("PowerOnVM_Task", vm, null, null, cancellationToken);
        }

        progress?.Report(100);
        await provider.WriteThroughAsync(vm, cancellationToken);
        return await provider.ReadDetailsAsync(vm, cancellationToken);
    }

    /// <summary>Uploads every file through the lease and completes it; on any failure aborts it and removes the VM.</summary>
    private async Task<ManagedObjectReference> UploadAsync(OvfPackageReader reader, OvfImportSpec import, ManagedObjectReference leaseRef, string source, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ManagedObjectReference? entity = null;
        try
        {
            var lease = await NfcLease.ReadyAsync(provider.Client, leaseRef, cancellationToken);
            entity = lease.Entity ?? throw new HypervisorException(HypervisorErrorKind.Failed, "the import lease names no VM");
            var items = import.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var meter = new UploadMeter(import.Files.Sum(f => f.Size ?? 0), progress, source);
            await lease.KeepAliveWhileAsync(() => reader.ForEachFileAsync(items.ToDictionary(i => i.Key, i => i.Value.Size), async (href, data, length, hash) =>
            {
                var item = items[href];
                var url = lease.DeviceUrls.GetValueOrDefault(item.DeviceId)
                    ?? throw new HypervisorException(HypervisorErrorKind.Failed, $"the import lease has no upload address for '{href}' ({item.DeviceId}); it has {string.Join(", ", lease.DeviceUrls.Keys)}");
                await provider.Client.UploadAsync(url, meter.Wrap(data, href, length, hash), length, item.Create, cancellationToken);
            }, cancellationToken), () => meter.Percent, cancellationToken);
            await lease.CompleteAsync(cancellationToken);
            return entity.Value;
        }
        catch
        {
            await NfcLease.AbortAsync(provider.Client, leaseRef);
            if (entity is { } made)
            {
                await RemoveAsync(made);
            }

            throw;
        }
    }

    /// <summary>vSphere removes an aborted import's VM; vcsim and some versions do not, so it is destroyed when it is still there.</summary>
    private async Task RemoveAsync(ManagedObjectReference vm)
    {
        try
        {
            await provider.Client.RunTaskAsync("Destroy_Task", vm, null, null, CancellationToken.None);
        }
        catch (HypervisorException ex) when (ex.Kind == HypervisorErrorKind.NotFound)
        {
        }
    }

    private static void CheckNames(IEnumerable<string>? given, IReadOnlyList<string> declared, string field, string what)
    {
        foreach (var name in given ?? [])
        {
            if (!declared.Contains(name, StringComparer.Ordinal))
            {
                throw Invalid($"{field}: the package has no {what} '{name}'; it has {(declared.Count == 0 ? "none" : string.Join(", ", declared.Select(d => $"'{d}'")))}");
            }
        }
    }

    private static HypervisorException Invalid(string message) => new(HypervisorErrorKind.InvalidArgument, message);
}
