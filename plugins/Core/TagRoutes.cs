using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>REST routes for tag categories, tags and their attachments.</summary>
internal static class TagRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var categories = api.MapGroup("/tag-categories").WithTags("Tags");
        categories.MapGet("/", async (ITargetProviders targets, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).ListTagCategoriesAsync(ct))
            .WithName("list_tag_categories").WithSummary("The tag categories, read at call time");
        categories.MapPost("/", async (ITargetProviders targets, CreateCategoryBody body, string? target, CancellationToken ct) =>
                Results.Created("/api/v1/tag-categories", await (await targets.GetAsync(target, ct)).CreateTagCategoryAsync(new TagCategoryInfo
                {
                    Id = string.Empty, Name = body.Name, Description = body.Description, Cardinality = body.Cardinality ?? "MULTIPLE", AssociableTypes = body.AssociableTypes ?? [],
                }, ct)))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Subject = "name", SubjectKind = "tag_category" })
            .Produces<TagCategoryInfo>(StatusCodes.Status201Created)
            .WithName("create_tag_category").WithSummary("Create a tag category (body: name, description, cardinality SINGLE|MULTIPLE, associable_types)");
        categories.MapPost("/delete", async (ITargetProviders targets, DeleteCategoryBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).DeleteTagCategoryAsync(body.Category, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Destructive = true, Subject = "category", SubjectKind = "tag_category" })
            .Produces<TagCategoryInfo>()
            .WithName("delete_tag_category").WithSummary("Delete a tag category and its tags (body: category)");

        var tags = api.MapGroup("/tags").WithTags("Tags");
        tags.MapGet("/", async (ITargetProviders targets, string? category, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).ListTagsAsync(category, ct))
            .WithName("list_tags").WithSummary("Tags (?category= for one category's), read at call time");
        tags.MapPost("/", async (ITargetProviders targets, CreateTagBody body, string? target, CancellationToken ct) =>
                Results.Created("/api/v1/tags", await (await targets.GetAsync(target, ct)).CreateTagAsync(body.Category, body.Name, body.Description, ct)))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Subject = "name", SubjectKind = "tag" })
            .Produces<TagInfo>(StatusCodes.Status201Created)
            .WithName("create_tag").WithSummary("Create a tag (body: category, name, description)");
        tags.MapPost("/delete", async (ITargetProviders targets, DeleteTagBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).DeleteTagAsync(body.Tag, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Destructive = true, Subject = "tag", SubjectKind = "tag" })
            .Produces<TagInfo>()
            .WithName("delete_tag").WithSummary("Delete a tag (body: tag as category:tag or id)");
        tags.MapPost("/attach", async (ITargetProviders targets, TagObjectBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).SetTagAsync(body.Tag, body.ObjectType ?? "vm", body.Object, attach: true, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "object", SubjectKind = "tagged_object" })
            .Produces<TaggedObject>()
            .WithName("attach_tag").WithSummary("Put a tag on an object (body: tag, object, object_type vm|host|datastore|network)");
        tags.MapPost("/detach", async (ITargetProviders targets, TagObjectBody body, string? target, CancellationToken ct) =>
                await (await targets.GetAsync(target, ct)).SetTagAsync(body.Tag, body.ObjectType ?? "vm", body.Object, attach: false, ct))
            .WithMetadata(new PolicyAttribute(AccessScope.Operate) { Subject = "object", SubjectKind = "tagged_object" })
            .Produces<TaggedObject>()
            .WithName("detach_tag").WithSummary("Take a tag off an object (body: tag, object, object_type)");
    }
}

/// <summary>Body of <c>POST /api/v1/tag-categories</c>.</summary>
internal sealed record CreateCategoryBody(string Name, string? Description = null, string? Cardinality = null, IReadOnlyList<string>? AssociableTypes = null);

/// <summary>Body of <c>POST /api/v1/tag-categories/delete</c>.</summary>
internal sealed record DeleteCategoryBody(string Category);

/// <summary>Body of <c>POST /api/v1/tags</c>.</summary>
internal sealed record CreateTagBody(string Category, string Name, string? Description = null);

/// <summary>Body of <c>POST /api/v1/tags/delete</c>.</summary>
internal sealed record DeleteTagBody(string Tag);

/// <summary>Body of <c>POST /api/v1/tags/attach</c> and <c>/detach</c>.</summary>
internal sealed record TagObjectBody(string Tag, string Object, string? ObjectType = null);
