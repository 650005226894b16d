using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>REST routes for custom attributes: the definitions, and a VM's values.</summary>
internal static class AttributeRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var attributes = api.MapGroup("/custom-attributes").WithTags("Custom attributes");

        attributes.MapGet("/", async (ITargetProviders targets, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).ListCustomAttributesAsync(ct))
            .WithName("list_custom_attributes").WithSummary("The custom attribute definitions");

        attributes.MapPost("/", async (ITargetProviders targets, DefineAttributeBody body, string? target, CancellationToken ct) =>
                Results.Created("/api/v1/custom-attributes", await (await targets.GetAsync(target, ct)).DefineCustomAttributeAsync(body.Name, body.ObjectType, ct)))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Subject = "name", SubjectKind = "custom_attribute" })
            .Produces<CustomAttributeInfo>(StatusCodes.Status201Created)
            .WithName("define_custom_attribute").WithSummary("Define a custom attribute (body: name, object_type VirtualMachine|HostSystem or omitted)");

        attributes.MapPost("/remove", async (ITargetProviders targets, RemoveAttributeBody body, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                return dry_run == true
                    ? Results.Ok(await InventoryContainers.RemoveAttributePreviewAsync(provider, body.Name, ct))
                    : Results.Ok(await provider.RemoveCustomAttributeAsync(body.Name, ct));
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Destructive = true, Subject = "name", SubjectKind = "custom_attribute" })
            .Produces<CustomAttributeInfo>()
            .WithName("remove_custom_attribute").WithSummary("Remove a custom attribute and its values (body: name; ?dry_run=true previews)");

        api.MapPut("/vms/{id}/attributes", async (ITargetProviders targets, string id, SetAttributeBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).SetVmAttributeAsync(id, body.Name, body.Value, ct))
            .WithTags("VMs")
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "id" })
            .Produces<VmDetails>()
            .WithName("set_vm_attribute").WithSummary("Set a VM's custom attribute (body: name, value; empty clears it)");
    }
}

/// <summary>Body of <c>POST /api/v1/custom-attributes</c>.</summary>
/// <param name="Name">The attribute's name.</param>
/// <param name="ObjectType"><c>VirtualMachine</c>, <c>HostSystem</c>, or null for every type.</param>
internal sealed record DefineAttributeBody(string Name, string? ObjectType = null);

/// <summary>Body of <c>POST /api/v1/custom-attributes/remove</c>.</summary>
/// <param name="Name">The attribute's name or key.</param>
internal sealed record RemoveAttributeBody(string Name);

/// <summary>Body of <c>PUT /api/v1/vms/{id}/attributes</c>.</summary>
/// <param name="Name">The attribute's name or key.</param>
/// <param name="Value">The value; empty clears it.</param>
internal sealed record SetAttributeBody(string Name, string Value);
