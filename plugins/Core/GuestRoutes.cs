using VmwareMcp.Abstractions.Guest;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>REST routes for guest customization and for waiting until a guest answers.</summary>
internal static class GuestRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/customization-specs", async (ITargetProviders targets, string? target, CancellationToken ct) =>
                await GuestTools.Of(await targets.GetAsync(target, ct)).ListCustomizationSpecsAsync(ct))
            .WithTags("Guest").WithName("list_customization_specs").WithSummary("The saved guest customization specifications (vCenter)");

        api.MapPost("/vms/{id}/customize", async (ITargetProviders targets, string id, GuestCustomization body, string? target, CancellationToken ct) =>
                await GuestTools.Of(await targets.GetAsync(target, ct)).CustomizeAsync(id, body, null, ct))
            .WithTags("Guest")
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "id" })
            .Produces<VmDetails>()
            .WithName("customize_vm").WithSummary("Customize a powered-off VM's guest (body: spec_name, or os, host_name, domain, time_zone, workgroup, domain_admin, domain_admin_password, admin_password, nics, dns_servers, dns_suffixes)");

        api.MapPost("/vms/{id}/wait-for-guest", async (ITargetProviders targets, string id, int? timeout_seconds, string? target, CancellationToken ct) =>
                await GuestTools.Of(await targets.GetAsync(target, ct)).WaitForGuestAsync(id, TimeSpan.FromSeconds(timeout_seconds ?? 300), null, ct))
            .WithTags("Guest")
            .Produces<GuestState>()
            .WithName("wait_for_guest").WithSummary("Wait until the guest reports an IP address (?timeout_seconds=1-3600, default 300); ready=false when the time is up");
    }
}
