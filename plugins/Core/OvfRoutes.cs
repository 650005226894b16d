using VmwareMcp.Abstractions.Ovf;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>REST routes that read and deploy OVF and OVA packages.</summary>
internal static class OvfRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/ovf", async (ITargetProviders targets, OvfSources sources, string? source, string? target, CancellationToken ct) =>
                await OvfTools.Of(await targets.GetAsync(target, ct)).InspectAsync(sources.Resolve(source), ct))
            .WithTags("OVF")
            .Produces<OvfSummary>()
            .WithName("inspect_ovf").WithSummary("Read an OVF/OVA package's descriptor (?source=path or URL): networks, files, deployment options, properties");

        api.MapPost("/vms/deploy-ovf", async (ITargetProviders targets, OvfSources sources, OvfDeployBody body, string? target, CancellationToken ct) =>
            {
                var deployer = OvfTools.Of(await targets.GetAsync(target, ct));
                var vm = await deployer.DeployAsync(body.ToDeployment(sources.Resolve(body.Source)), null, ct);
                return Results.Created($"/api/v1/vms/{vm.Id}", vm);
            })
            .WithTags("OVF")
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "name", Creates = "name" })
            .Produces<VmDetails>(StatusCodes.Status201Created)
            .WithName("deploy_ovf").WithSummary("Deploy a VM from an OVF/OVA package (body: source, name, datastore, folder, resource_pool, cluster, network, network_mapping, disk_provisioning, deployment_option, properties, power_on)");
    }
}

/// <summary>Body of <c>POST /api/v1/vms/deploy-ovf</c>, as deploy_ovf's arguments.</summary>
internal sealed record OvfDeployBody(
    string? Source, string Name, string? Datastore = null, string? Folder = null, string? ResourcePool = null, string? Cluster = null, string? Network = null,
    Dictionary<string, string>? NetworkMapping = null, string? DiskProvisioning = null, string? DeploymentOption = null, Dictionary<string, string>? Properties = null, bool PowerOn = false)
{
    public OvfDeployment ToDeployment(OvfPackage package) => new()
    {
        Name = Name, Package = package, Datastore = Datastore, Folder = Folder, ResourcePool = ResourcePool, Cluster = Cluster, Network = Network,
        NetworkMapping = NetworkMapping, DiskProvisioning = DiskProvisioning, DeploymentOption = DeploymentOption, Properties = Properties, PowerOn = PowerOn,
    };
}
