namespace VmwareMcp.Host.Plugins;

/// <summary>Every plugin folder the host knows, loaded or failed; safe to read while plugins come and go.</summary>
internal sealed class PluginCatalog
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public IReadOnlyList<LoadedPlugin> Loaded
    {
        get
        {
            lock (_entries)
            {
                return _entries.Values.Where(e => e.Plugin is not null && e.Error is null).Select(e => e.Plugin!).ToList();
            }
        }
    }

    public void AddLoaded(LoadedPlugin plugin, bool loadedAtStart) =>
        Set(new Entry(plugin.Name, plugin.Version, plugin.Folder, plugin, loadedAtStart, null));

    public void AddFailed(string name, string folder, string? version, string error) =>
        Set(new Entry(name, version, folder, null, false, error));

    /// <summary>Marks a loaded plugin failed (for example its endpoints threw while mapping).</summary>
    public void MarkFailed(LoadedPlugin plugin, string error)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(plugin.Folder, out var entry))
            {
                _entries[plugin.Folder] = entry with { Error = error };
            }
        }
    }

    /// <summary>Marks a plugin loaded at start whose folder went away: its code stays until the host restarts.</summary>
    public void MarkRemovedFromDisk(string folder)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(folder, out var entry))
            {
                _entries[folder] = entry with { RemovedFromDisk = true };
            }
        }
    }

    public void Remove(string folder)
    {
        lock (_entries)
        {
            _entries.Remove(folder);
        }
    }

    /// <summary>The folders known now, and the plugin loaded from each (null when it failed).</summary>
    public IReadOnlyDictionary<string, (LoadedPlugin? Plugin, bool LoadedAtStart)> Folders()
    {
        lock (_entries)
        {
            return _entries.Values.ToDictionary(e => e.Folder, e => (e.Error is null ? e.Plugin : null, e.LoadedAtStart), StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<PluginStatus> Statuses()
    {
        lock (_entries)
        {
            return _entries.Values
                .Select(e => e.Error is not null ? new PluginStatus(e.Name, e.Version, e.Folder, "failed", e.Error)
                    : e.RemovedFromDisk ? new PluginStatus(e.Name, e.Version, e.Folder, "loaded", "its folder was removed; it was loaded at start, so restart the host to unload it")
                    : new PluginStatus(e.Name, e.Version, e.Folder, "loaded", null))
                .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
    }

    private void Set(Entry entry)
    {
        lock (_entries)
        {
            _entries[entry.Folder] = entry;
        }
    }

    private sealed record Entry(string Name, string? Version, string Folder, LoadedPlugin? Plugin, bool LoadedAtStart, string? Error)
    {
        public bool RemovedFromDisk { get; init; }
    }
}
