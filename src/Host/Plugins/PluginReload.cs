namespace VmwareMcp.Host.Plugins;

/// <summary>What a rescan of the plugins folder changed, and every plugin's state after it.</summary>
/// <param name="Loaded">Folders loaded by this rescan.</param>
/// <param name="Unloaded">Folders whose plugin was unloaded because the folder went away.</param>
/// <param name="Failed">Folders that failed to load, with the reason in <paramref name="Plugins"/>.</param>
/// <param name="Plugins">Every plugin folder after the rescan.</param>
public sealed record PluginReload(IReadOnlyList<string> Loaded, IReadOnlyList<string> Unloaded, IReadOnlyList<string> Failed, IReadOnlyList<PluginStatus> Plugins);
