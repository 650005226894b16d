using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// REST routes for the folder tree. Folders are named by inventory path, which holds slashes, so the path
/// travels in the body or the query rather than in the route.
/// </summary>
internal static class FolderRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var folders = api.MapGroup("/folders").WithTags("Folders");

        folders.MapGet("/", async (ITargetProviders targets, string? kind, string? target, CancellationToken ct) =>
                InventoryContainers.OfKind(await (await targets.GetAsync(target, ct)).ListFoldersAsync(ct), kind))
            .WithName("list_folders").WithSummary("The folder tree: every folder's path, kind and number of children (?kind=vm|host|datastore|network)");

        folders.MapPost("/", async (ITargetProviders targets, CreateFolderBody body, string? target, CancellationToken ct) =>
            {
                var folder = await (await targets.GetAsync(target, ct)).CreateFolderAsync(body.Parent, body.Name, ct);
                return Results.Created("/api/v1/folders", folder);
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "parent", SubjectKind = "folder" })
            .Produces<FolderInfo>(StatusCodes.Status201Created)
            .WithName("create_folder").WithSummary("Create a folder (body: parent, name)");

        folders.MapPost("/rename", async (ITargetProviders targets, RenameFolderBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).RenameFolderAsync(body.Folder, body.NewName, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "folder", SubjectKind = "folder" })
            .Produces<FolderInfo>()
            .WithName("rename_folder").WithSummary("Rename a folder (body: folder, new_name)");

        folders.MapPost("/delete", async (ITargetProviders targets, DeleteFolderBody body, string? target, bool? dry_run, CancellationToken ct) =>
            {
                var provider = await targets.GetAsync(target, ct);
                return dry_run == true
                    ? Results.Ok(await InventoryContainers.DeletePreviewAsync(provider, body.Folder, body.Force, ct))
                    : Results.Ok(await provider.DeleteFolderAsync(body.Folder, body.Force, null, ct));
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Destructive = true, Subject = "folder", SubjectKind = "folder" })
            .Produces<FolderInfo>()
            .WithName("delete_folder").WithSummary("Delete a folder (body: folder, force; an empty one only, unless force; ?dry_run=true previews)");

        api.MapPost("/vms/{id}/folder", async (ITargetProviders targets, string id, MoveToFolderBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).MoveVmToFolderAsync(id, body.Folder, ct))
            .WithTags("VMs")
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "id" })
            .Produces<VmDetails>()
            .WithName("move_vm_to_folder").WithSummary("Move a VM or template into a VM folder (body: folder)");
    }
}

/// <summary>Body of <c>POST /api/v1/folders</c>.</summary>
/// <param name="Parent">The parent folder's path or id.</param>
/// <param name="Name">The new folder's name.</param>
internal sealed record CreateFolderBody(string Parent, string Name);

/// <summary>Body of <c>POST /api/v1/folders/rename</c>.</summary>
/// <param name="Folder">The folder's path or id.</param>
/// <param name="NewName">The new name.</param>
internal sealed record RenameFolderBody(string Folder, string NewName);

/// <summary>Body of <c>POST /api/v1/folders/delete</c>.</summary>
/// <param name="Folder">The folder's path or id.</param>
/// <param name="Force">Delete what it holds as well.</param>
internal sealed record DeleteFolderBody(string Folder, bool Force = false);

/// <summary>Body of <c>POST /api/v1/vms/{id}/folder</c>.</summary>
/// <param name="Folder">The destination VM folder's path or id.</param>
internal sealed record MoveToFolderBody(string Folder);
