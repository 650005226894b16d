using System.Text.Json.Nodes;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>
/// A target's tag categories and tags, read from the vSphere Automation API, and the names tags go by
/// (<c>category:tag</c>). Tags have no PropertyCollector feed, so a catalog is a reading at one moment.
/// </summary>
internal sealed class TagCatalog
{
    private TagCatalog(IReadOnlyList<TagCategoryInfo> categories, IReadOnlyList<TagInfo> tags, DateTimeOffset readAt)
    {
        Categories = categories;
        Tags = tags;
        ReadAt = readAt;
    }

    public IReadOnlyList<TagCategoryInfo> Categories { get; }

    public IReadOnlyList<TagInfo> Tags { get; }

    public DateTimeOffset ReadAt { get; }

    public static async Task<TagCatalog> ReadAsync(VapiSession vapi, CancellationToken cancellationToken)
    {
        var categories = new List<TagCategoryInfo>();
        foreach (var id in Ids(await vapi.CallAsync(HttpMethod.Get, "com/vmware/cis/tagging/category", null, cancellationToken)))
        {
            if (await vapi.CallAsync(HttpMethod.Get, $"com/vmware/cis/tagging/category/id:{Uri.EscapeDataString(id)}", null, cancellationToken) is { } c)
            {
                categories.Add(new TagCategoryInfo
                {
                    Id = id,
                    Name = Text(c, "name") ?? id,
                    Description = Text(c, "description") is { Length: > 0 } d ? d : null,
                    Cardinality = Text(c, "cardinality") ?? "MULTIPLE",
                    AssociableTypes = c["associable_types"]?.AsArray().Select(t => t?.GetValue<string>()).OfType<string>().ToList() ?? [],
                });
            }
        }

        var tags = new List<TagInfo>();
        foreach (var id in Ids(await vapi.CallAsync(HttpMethod.Get, "com/vmware/cis/tagging/tag", null, cancellationToken)))
        {
            if (await vapi.CallAsync(HttpMethod.Get, $"com/vmware/cis/tagging/tag/id:{Uri.EscapeDataString(id)}", null, cancellationToken) is { } t
                && Text(t, "category_id") is { } categoryId)
            {
                tags.Add(new TagInfo
                {
                    Id = id,
                    Name = Text(t, "name") ?? id,
                    CategoryId = categoryId,
                    Category = categories.FirstOrDefault(c => c.Id == categoryId)?.Name ?? categoryId,
                    Description = Text(t, "description") is { Length: > 0 } d ? d : null,
                });
            }
        }

        return new TagCatalog(
            categories.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(),
            tags.OrderBy(t => t.Category, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList(),
            DateTimeOffset.UtcNow);
    }

    /// <summary>The category named or with id <paramref name="category"/>.</summary>
    public TagCategoryInfo Category(string? category, string argument) =>
        Categories.FirstOrDefault(c => c.Id == category || c.Name == category?.Trim())
        ?? throw new HypervisorException(HypervisorErrorKind.NotFound,
            $"{argument}: no tag category '{category}'; there are: {string.Join(", ", Categories.Select(c => c.Name).DefaultIfEmpty("none"))}");

    /// <summary>The tag named <c>category:tag</c>, or with id <paramref name="tag"/>.</summary>
    public TagInfo Tag(string? tag, string argument)
    {
        var split = tag?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return Tags.FirstOrDefault(t => t.Id == tag)
            ?? (split > 0 ? Tags.FirstOrDefault(t => t.Category == tag![..split].Trim() && t.Name == tag[(split + 1)..].Trim()) : null)
            ?? throw new HypervisorException(split > 0 || tag is null ? HypervisorErrorKind.NotFound : HypervisorErrorKind.InvalidArgument, split > 0 || tag is null
                ? $"{argument}: no tag '{tag}'; tags are named category:tag, e.g. {string.Join(", ", Tags.Take(5).Select(NameOf).DefaultIfEmpty("none yet"))}"
                : $"{argument}: name a tag as category:tag (or by its id), got '{tag}'");
    }

    public static string NameOf(TagInfo tag) => $"{tag.Category}:{tag.Name}";

    /// <summary>The names of the tags with ids <paramref name="ids"/>, sorted; ids not in the catalog are left out.</summary>
    public IReadOnlyList<string> Names(IEnumerable<string> ids) =>
        ids.Select(id => Tags.FirstOrDefault(t => t.Id == id)).OfType<TagInfo>().Select(NameOf).Order(StringComparer.Ordinal).ToList();

    public static IEnumerable<string> Ids(JsonNode? value) => value?.AsArray().Select(i => i?.GetValue<string>()).OfType<string>() ?? [];

    private static string? Text(JsonNode node, string name) => node[name]?.GetValue<string>();
}
