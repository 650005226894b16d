using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

public abstract partial class VsphereProvider
{
    /// <summary>How long tag names are reused before they are read again; a change made through this host shows at once.</summary>
    private static readonly TimeSpan TagNamesFor = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> TaggableTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["vm"] = "VirtualMachine", ["host"] = "HostSystem", ["datastore"] = "Datastore", ["network"] = "Network",
    };

    private VapiSession? _vapi;
    private TagCatalog? _tagNames;

    /// <inheritdoc />
    public async Task<IReadOnlyList<TagCategoryInfo>> ListTagCategoriesAsync(CancellationToken cancellationToken) =>
        (await TagCatalogAsync(fresh: true, cancellationToken)).Categories;

    /// <inheritdoc />
    public async Task<TagCategoryInfo> CreateTagCategoryAsync(TagCategoryInfo category, CancellationToken cancellationToken)
    {
        var name = ContainerName(category.Name, "name");
        if (category.Cardinality is not ("SINGLE" or "MULTIPLE"))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"cardinality must be SINGLE or MULTIPLE, got '{category.Cardinality}'");
        }

        var types = category.AssociableTypes.Select(t => TaggableTypes.GetValueOrDefault(t) ?? (TaggableTypes.ContainsValue(t) ? t
            : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"associable_types: '{t}' is not one of vm, host, datastore, network"))).Distinct().ToList();
        var vapi = await VapiAsync(cancellationToken);
        var id = (await vapi.CallAsync(HttpMethod.Post, "com/vmware/cis/tagging/category", new JsonObject
        {
            ["create_spec"] = new JsonObject
            {
                ["name"] = name, ["description"] = category.Description ?? string.Empty, ["cardinality"] = category.Cardinality,
                ["associable_types"] = new JsonArray([.. types.Select(t => (JsonNode)t)]),
            },
        }, cancellationToken))?.GetValue<string>();
        return (await TagCatalogAsync(fresh: true, cancellationToken)).Category(id, "name");
    }

    /// <inheritdoc />
    public async Task<TagCategoryInfo> DeleteTagCategoryAsync(string category, CancellationToken cancellationToken)
    {
        var found = (await TagCatalogAsync(fresh: true, cancellationToken)).Category(category, "category");
        await (await VapiAsync(cancellationToken)).CallAsync(HttpMethod.Delete, $"com/vmware/cis/tagging/category/id:{Uri.EscapeDataString(found.Id)}", null, cancellationToken);
        _tagNames = null;
        return found;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TagInfo>> ListTagsAsync(string? category, CancellationToken cancellationToken)
    {
        var catalog = await TagCatalogAsync(fresh: true, cancellationToken);
        return category is null ? catalog.Tags : catalog.Tags.Where(t => t.CategoryId == catalog.Category(category, "category").Id).ToList();
    }

    /// <inheritdoc />
    public async Task<TagInfo> CreateTagAsync(string category, string name, string? description, CancellationToken cancellationToken)
    {
        var tagName = ContainerName(name, "name");
        var inCategory = (await TagCatalogAsync(fresh: true, cancellationToken)).Category(category, "category");
        var id = (await (await VapiAsync(cancellationToken)).CallAsync(HttpMethod.Post, "com/vmware/cis/tagging/tag", new JsonObject
        {
            ["create_spec"] = new JsonObject { ["name"] = tagName, ["description"] = description ?? string.Empty, ["category_id"] = inCategory.Id },
        }, cancellationToken))?.GetValue<string>();
        return (await TagCatalogAsync(fresh: true, cancellationToken)).Tag(id, "name");
    }

    /// <inheritdoc />
    public async Task<TagInfo> DeleteTagAsync(string tag, CancellationToken cancellationToken)
    {
        var found = (await TagCatalogAsync(fresh: true, cancellationToken)).Tag(tag, "tag");
        await (await VapiAsync(cancellationToken)).CallAsync(HttpMethod.Delete, $"com/vmware/cis/tagging/tag/id:{Uri.EscapeDataString(found.Id)}", null, cancellationToken);
        _tagNames = null;
        return found;
    }

    /// <inheritdoc />
    public async Task<TaggedObject> SetTagAsync(string tag, string objectType, string obj, bool attach, CancellationToken cancellationToken)
    {
        var type = TaggableTypes.GetValueOrDefault(objectType ?? string.Empty)
            ?? throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"object_type must be vm, host, datastore or network, got '{objectType}'");
        var found = await TagNamedAsync(tag, cancellationToken);
        var id = await TaggableIdAsync(type, obj, cancellationToken);
        var vapi = await VapiAsync(cancellationToken);
        await vapi.CallAsync(HttpMethod.Post, $"com/vmware/cis/tagging/tag-association/id:{Uri.EscapeDataString(found.Id)}?~action={(attach ? "attach" : "detach")}",
            new JsonObject { ["object_id"] = TagTarget(type, id) }, cancellationToken);
        return new TaggedObject { Type = type, Id = id, Tags = await TagsOfAsync(type, id, cancellationToken) };
    }

    /// <summary>The tags an object carries, by name; read at call time.</summary>
    private async Task<IReadOnlyList<string>> TagsOfAsync(string type, string id, CancellationToken cancellationToken)
    {
        var ids = TagCatalog.Ids(await (await VapiAsync(cancellationToken)).CallAsync(HttpMethod.Post, "com/vmware/cis/tagging/tag-association?~action=list-attached-tags",
            new JsonObject { ["object_id"] = TagTarget(type, id) }, cancellationToken)).ToList();
        var names = await TagCatalogAsync(fresh: false, cancellationToken);
        if (ids.Any(i => names.Tags.All(t => t.Id != i)))
        {
            names = await TagCatalogAsync(fresh: true, cancellationToken); // A tag made since the names were read.
        }

        return names.Names(ids);
    }

    /// <summary>A VM's tags for its details: on a vCenter whose Automation API answers; otherwise none, and a warning.</summary>
    private async Task<IReadOnlyList<string>> VmTagsAsync(ManagedObjectReference vm, CancellationToken cancellationToken)
    {
        if (!IsVCenter)
        {
            return [];
        }

        try
        {
            return await TagsOfAsync("VirtualMachine", vm.Value, cancellationToken);
        }
        catch (HypervisorException ex) when (ex.Kind is HypervisorErrorKind.Unavailable or HypervisorErrorKind.Failed)
        {
            LogTagsUnread(Logger, vm.Value, Target.Name, ex.Message);
            return [];
        }
    }

    /// <summary>The ids of the VMs carrying every one of <paramref name="tags"/>.</summary>
    private async Task<HashSet<string>> VmsTaggedAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        HashSet<string>? tagged = null;
        foreach (var tag in tags)
        {
            var found = await TagNamedAsync(tag, cancellationToken);
            var objects = await (await VapiAsync(cancellationToken)).CallAsync(HttpMethod.Post, $"com/vmware/cis/tagging/tag-association/id:{Uri.EscapeDataString(found.Id)}?~action=list-attached-objects", new JsonObject(), cancellationToken);
            var vms = objects?.AsArray().Where(o => o?["type"]?.GetValue<string>() == "VirtualMachine").Select(o => o!["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
            tagged = tagged is null ? vms : [.. tagged.Intersect(vms)];
        }

        return tagged ?? [];
    }

    private async Task<string> TaggableIdAsync(string type, string obj, CancellationToken cancellationToken) => type switch
    {
        "VirtualMachine" => (await ResolveVmAsync(obj, cancellationToken)).Value,
        "HostSystem" => (await ListHostsAsync(cancellationToken)).FirstOrDefault(h => h.Id == obj || h.Name == obj)?.Id ?? throw Missing("host"),
        "Datastore" => (await ListDatastoresAsync(cancellationToken)).FirstOrDefault(d => d.Id == obj || d.Name == obj)?.Id ?? throw Missing("datastore"),
        _ => (await ListNetworksAsync(cancellationToken)).FirstOrDefault(n => n.Id == obj || n.Name == obj)?.Id ?? throw Missing("network"),
    };

    private HypervisorException Missing(string kind) => new(HypervisorErrorKind.NotFound, $"object: no {kind} by that id or name on target '{Target.Name}'");

    private static JsonObject TagTarget(string type, string id) => new() { ["id"] = id, ["type"] = type };

    /// <summary>A tag by <c>category:tag</c> or id, from the names read in the last minute, read again only when they lack it.</summary>
    private async Task<TagInfo> TagNamedAsync(string tag, CancellationToken cancellationToken)
    {
        var names = await TagCatalogAsync(fresh: false, cancellationToken);
        var split = tag?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        var known = names.Tags.Any(t => t.Id == tag || (split > 0 && TagCatalog.NameOf(t) == $"{tag![..split].Trim()}:{tag[(split + 1)..].Trim()}"));
        return (known ? names : await TagCatalogAsync(fresh: true, cancellationToken)).Tag(tag, "tag");
    }

    private async Task<TagCatalog> TagCatalogAsync(bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh && _tagNames is { } known && DateTimeOffset.UtcNow - known.ReadAt < TagNamesFor)
        {
            return known;
        }

        return _tagNames = await TagCatalog.ReadAsync(await VapiAsync(cancellationToken), cancellationToken);
    }

    private async Task<VapiSession> VapiAsync(CancellationToken cancellationToken)
    {
        await ContentAsync(cancellationToken);
        if (!IsVCenter)
        {
            throw NotOnThisKind("Tagging (the vSphere Automation API)");
        }

        var session = new VapiSession(Target);
        var kept = Interlocked.CompareExchange(ref _vapi, session, null);
        if (kept is not null)
        {
            session.Dispose();
        }

        return kept ?? session;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tags of VM {Vm} on target {Target} could not be read, so its details show none: {Reason}")]
    private static partial void LogTagsUnread(ILogger logger, string vm, string target, string reason);
}
