using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Plugins;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace PolicyProbe;

/// <summary>Entry point: the probe's tools, and the same changes as REST routes. None of them checks anything itself.</summary>
public sealed class PolicyProbePlugin : IVmwareMcpPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddMcpServer().WithTools<PolicyProbeTools>(ContractJson.Options);

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/probe/vms", async (ITargetProviders targets, ProbeBody body, string? target, CancellationToken ct) =>
                Results.Ok(await (await targets.GetAsync(target, ct)).CreateVmAsync(new CreateVmRequest { VmLabel = body.Name }, null, ct)))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "name", Creates = "name" })
            .WithName("probe_create_vm");
        endpoints.MapDelete("/api/v1/probe/vms/{vm}", async (ITargetProviders targets, string vm, string? target, CancellationToken ct) =>
                Results.Ok(await (await targets.GetAsync(target, ct)).DeleteVmAsync(vm, true, null, ct)))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Destructive = true, Subject = "vm" })
            .WithName("probe_delete_vm");
    }
}

/// <summary>Body of <c>POST /api/v1/probe/vms</c>.</summary>
/// <param name="Name">The new VM's name.</param>
public sealed record ProbeBody(string Name);
