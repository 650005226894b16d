using System.ComponentModel;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>MCP tools for vSphere tags (the vSphere Automation API), on which backup and patch policies hang.</summary>
[McpServerToolType]
internal sealed class TagTools(ITargetProviders targets)
{
    private const string Tag = "The tag as category:tag (e.g. backup:daily) or its id.";
    private const string ObjectType = "What it goes on: vm, host, datastore or network.";
    private const string Object = "The object's id or exact name.";

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_tag_categories", Title = "List tag categories", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the tag categories: name, description, cardinality (SINGLE: one tag of it per object) and the object types its tags go on. Read from vCenter at call time.")]
    public async Task<IReadOnlyList<TagCategoryInfo>> ListTagCategories([Description(ToolHelp.Target)] string? target = null, CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListTagCategoriesAsync(cancellationToken);

    [Policy(AccessScope.Admin, Subject = "name", SubjectKind = "tag_category")]
    [McpServerTool(Name = "create_tag_category", Title = "Create a tag category", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates a tag category. A name already used is refused.")]
    public async Task<TagCategoryInfo> CreateTagCategory(
        [Description("Its name, 1-80 characters.")] string name,
        [Description("What it is for.")] string? description = null,
        [Description("SINGLE (one tag of it per object) or MULTIPLE (default)."), System.ComponentModel.DataAnnotations.AllowedValues("SINGLE", "MULTIPLE", null)] string? cardinality = null,
        [Description("The object types its tags may go on (vm, host, datastore, network); omit for any.")] string[]? associable_types = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).CreateTagCategoryAsync(
            new TagCategoryInfo { Id = string.Empty, Name = name, Description = description, Cardinality = cardinality ?? "MULTIPLE", AssociableTypes = associable_types ?? [] }, cancellationToken);

    [Policy(AccessScope.Admin, Destructive = true, Subject = "category", SubjectKind = "tag_category")]
    [McpServerTool(Name = "delete_tag_category", Title = "Delete a tag category", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Deletes a tag category with all its tags, which come off every object. Without confirm=true it only previews.")]
    public async Task<TagCategoryInfo> DeleteTagCategory(
        [Description("The category's name or id.")] string category,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).DeleteTagCategoryAsync(category, cancellationToken);

    [Policy(AccessScope.Read)]
    [McpServerTool(Name = "list_tags", Title = "List tags", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists tags (of one category, or all), each with its category. Read from vCenter at call time; list_vms filters by them (tag=category:tag).")]
    public async Task<IReadOnlyList<TagInfo>> ListTags(
        [Description("Only this category's tags (name or id).")] string? category = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).ListTagsAsync(category, cancellationToken);

    [Policy(AccessScope.Admin, Subject = "name", SubjectKind = "tag")]
    [McpServerTool(Name = "create_tag", Title = "Create a tag", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates a tag in a category. A name the category already has is refused.")]
    public async Task<TagInfo> CreateTag(
        [Description("The category's name or id.")] string category,
        [Description("The tag's name, 1-80 characters.")] string name,
        [Description("What it means.")] string? description = null,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).CreateTagAsync(category, name, description, cancellationToken);

    [Policy(AccessScope.Admin, Destructive = true, Subject = "tag", SubjectKind = "tag")]
    [McpServerTool(Name = "delete_tag", Title = "Delete a tag", Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Deletes a tag, which comes off every object. Without confirm=true it only previews.")]
    public async Task<TagInfo> DeleteTag(
        [Description(Tag)] string tag,
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).DeleteTagAsync(tag, cancellationToken);

    [Policy(AccessScope.Operate, Subject = "object", SubjectKind = "tagged_object")]
    [McpServerTool(Name = "attach_tag", Title = "Put a tag on an object", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Puts a tag on a VM, host, datastore or network; answers the tags it carries now.")]
    public async Task<TaggedObject> AttachTag(
        [Description(Tag)] string tag,
        [Description(Object)] string @object,
        [Description(ObjectType), System.ComponentModel.DataAnnotations.AllowedValues("vm", "host", "datastore", "network")] string object_type = "vm",
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).SetTagAsync(tag, object_type, @object, attach: true, cancellationToken);

    [Policy(AccessScope.Operate, Subject = "object", SubjectKind = "tagged_object")]
    [McpServerTool(Name = "detach_tag", Title = "Take a tag off an object", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Takes a tag off a VM, host, datastore or network; answers the tags it carries now.")]
    public async Task<TaggedObject> DetachTag(
        [Description(Tag)] string tag,
        [Description(Object)] string @object,
        [Description(ObjectType), System.ComponentModel.DataAnnotations.AllowedValues("vm", "host", "datastore", "network")] string object_type = "vm",
        [Description(ToolHelp.Target)] string? target = null,
        CancellationToken cancellationToken = default) =>
        await (await targets.GetAsync(target, cancellationToken)).SetTagAsync(tag, object_type, @object, attach: false, cancellationToken);
}
