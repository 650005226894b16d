namespace VmwareMcp.Vsphere;

/// <summary>
/// How list filters match inventory paths. Ignoring case, as the host and cluster filters do: vSphere keeps
/// names unique within a folder regardless of case, so no two siblings differ by case alone.
/// </summary>
internal static class InventoryPaths
{
    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or, with <paramref name="subtree"/>, below it.</summary>
    public static bool Within(string? path, string folder, bool subtree)
    {
        if (path is null)
        {
            return false;
        }

        var wanted = InventoryTree.Normalize(folder);
        return string.Equals(path, wanted, StringComparison.OrdinalIgnoreCase)
            || (subtree && path.Length > wanted.Length && path[wanted.Length] == '/' && path.StartsWith(wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether <paramref name="path"/> is named by <paramref name="name"/>: the whole path, or its last step alone.</summary>
    public static bool Names(string? path, string name)
    {
        if (path is null)
        {
            return false;
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            return string.Equals(path, InventoryTree.Normalize(name), StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(path[(path.LastIndexOf('/') + 1)..], name.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
