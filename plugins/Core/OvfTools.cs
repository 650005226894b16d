using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Ovf;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools that read and deploy OVF and OVA packages from the places the operator allows.</summary>
[McpServerToolType]
internal sealed class OvfTools(ITargetProviders targets, OvfSources sources, ICallProgress progress)
{
    private const string Source = "The .ova or .ovf file: an absolute path on the VmwareMcp host inside ovf.allowed_folders, or an http(s) URL under ovf.allowed_urls.";

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "inspect_ovf", Title = "Read an OVF or OVA package", ReadOnly = true, Idempotent = true, OpenWorld = true, UseStructuredContent = true)]
    [Description("Reads an OVF/OVA package's descriptor without deploying it: its networks (to map with deploy_ovf's network_mapping), files and sizes, deployment options and properties.")]
    public async Task<OvfSummary> InspectOvf(
        [Description(Source)] string source,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await Of(await targets.GetAsync(target, cancellationToken)).InspectAsync(sources.Resolve(source), cancellationToken);

    [Policy(AccessScope.Operate, Subject = "name", Creates = "name")]
    [McpServerTool(Name = "deploy_ovf", Title = "Deploy a VM from an OVF or OVA package", Destructive = false, Idempotent = false, OpenWorld = true, UseStructuredContent = true)]
    [Description("Deploys an OVF/OVA package as a new VM (vCenter or ESXi): the disks are streamed from the package to vSphere with progress, an OVA is never unpacked to disk. All or nothing: a failure or cancellation removes what was made. A name already used in the folder is refused. Run inspect_ovf first to see the networks to map.")]
    public async Task<VmDetails> DeployOvf(
        [Description(Source)] string source,
        [Description("Name of the new VM, at most 80 characters.")] string name,
        [Description("Datastore name; default the target's, else the one with most free space.")] string? datastore = null,
        [Description("VM folder (path or name); default the datacenter's root VM folder.")] string? folder = null,
        [Description("Resource pool (path or name); default the cluster's or host's root pool.")] string? resource_pool = null,
        [Description("Cluster whose root pool takes the VM (vCenter).")] string? cluster = null,
        [Description("Network for every package network not in network_mapping; default the target's.")] string? network = null,
        [Description("Package network name (inspect_ovf's networks) to vSphere network or port group name.")] Dictionary<string, string>? network_mapping = null,
        [Description("thin (default), thick or eager_zeroed.")] string? disk_provisioning = null,
        [Description("One of the package's deployment options (inspect_ovf); default its own default.")] string? deployment_option = null,
        [Description("Values for the package's properties by key (inspect_ovf's properties).")] Dictionary<string, string>? properties = null,
        [Description("Power the VM on once deployed.")] bool power_on = false,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default)
    {
        var deployer = Of(await targets.GetAsync(target, cancellationToken));
        var deployment = new OvfDeployment
        {
            Name = name, Package = sources.Resolve(source), Datastore = datastore, Folder = folder, ResourcePool = resource_pool, Cluster = cluster,
            Network = network, NetworkMapping = network_mapping, DiskProvisioning = disk_provisioning, DeploymentOption = deployment_option,
            Properties = properties, PowerOn = power_on,
        };
        return await deployer.DeployAsync(deployment, progress.For($"deploying {name} from {deployment.Package.Source}"), cancellationToken);
    }

    public static IOvfDeployer Of(IHypervisorProvider provider) =>
        provider.Ovf ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"target '{provider.Target.Name}' cannot deploy OVF packages");
}
