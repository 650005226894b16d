using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>Builds and checks <see cref="VmQuery"/> the same way for MCP and REST.</summary>
internal static class VmQueries
{
    public const int MaxPageSize = 1000;

    private static readonly string[] PowerStates = ["poweredOn", "poweredOff", "suspended"];

    public static VmQuery Create(string? name, string? powerState, string? host, string? cluster, bool? template, int offset, int? limit)
    {
        if (powerState is not null && !PowerStates.Contains(powerState, StringComparer.OrdinalIgnoreCase))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"power_state '{powerState}' is not one of {string.Join(", ", PowerStates)}");
        }

        if (offset < 0)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"offset must be 0 or more, got {offset}");
        }

        return new VmQuery { NameGlob = name, PowerState = powerState, Host = host, Cluster = cluster, Template = template, Offset = offset, Limit = limit };
    }

    /// <summary><paramref name="query"/> narrowed to a folder (and below it, with <paramref name="subtree"/>) and a resource pool.</summary>
    public static VmQuery Placed(this VmQuery query, string? folder, bool? subtree, string? pool)
    {
        if (subtree == true && string.IsNullOrWhiteSpace(folder))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "folder_subtree needs folder: the folder whose subtree to list");
        }

        return query with
        {
            Folder = string.IsNullOrWhiteSpace(folder) ? null : folder,
            FolderSubtree = subtree ?? false,
            ResourcePool = string.IsNullOrWhiteSpace(pool) ? null : pool,
        };
    }

    /// <summary><paramref name="query"/> narrowed to VMs with every one of <paramref name="attributes"/> (each <c>name=value</c>).</summary>
    public static VmQuery WithAttributes(this VmQuery query, IReadOnlyCollection<string>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return query;
        }

        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in attributes)
        {
            var split = pair?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            if (split <= 0)
            {
                throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"attribute must be name=value (e.g. owner=team-a), got '{pair}'");
            }

            wanted[pair![..split].Trim()] = pair[(split + 1)..].Trim();
        }

        return query with { Attributes = wanted };
    }

    /// <summary><paramref name="query"/> narrowed to VMs carrying every one of <paramref name="tags"/> (each <c>category:tag</c>).</summary>
    public static VmQuery WithTags(this VmQuery query, IReadOnlyCollection<string>? tags) =>
        tags is null || tags.Count == 0 ? query
        : tags.FirstOrDefault(t => t is null || t.IndexOf(':', StringComparison.Ordinal) <= 0) is { } bad
            ? throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"tag must be category:tag (e.g. backup:daily), got '{bad}'")
            : query with { Tags = [.. tags] };

    public static int CheckedLimit(int limit) =>
        limit is >= 1 and <= MaxPageSize ? limit : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"limit must be between 1 and {MaxPageSize}, got {limit}");
}
