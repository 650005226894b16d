namespace VmwareMcp.Host.Plugins;

/// <summary>Every plugin folder the host found, loaded or failed.</summary>
internal sealed class PluginCatalog
{
    private readonly List<LoadedPlugin> _loaded = [];
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Folder, string? Version)> _folders = [];

    public IReadOnlyList<LoadedPlugin> Loaded => _loaded;

    public void AddLoaded(LoadedPlugin plugin)
    {
        _loaded.Add(plugin);
        _folders.Add((plugin.Name, plugin.Folder, plugin.Manifest.Version ?? plugin.Assembly.GetName().Version?.ToString()));
    }

    public void AddFailed(string name, string folder, string? version, string error)
    {
        _folders.Add((name, folder, version));
        _failures[folder] = error;
    }

    /// <summary>Marks a loaded plugin failed (for example its endpoints threw while mapping).</summary>
    public void MarkFailed(LoadedPlugin plugin, string error)
    {
        _loaded.Remove(plugin);
        _failures[plugin.Folder] = error;
    }

    public IReadOnlyList<PluginStatus> Statuses() =>
        _folders
            .Select(f => _failures.TryGetValue(f.Folder, out var error)
                ? new PluginStatus(f.Name, f.Version, f.Folder, "failed", error)
                : new PluginStatus(f.Name, f.Version, f.Folder, "loaded", null))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
