namespace VmwareMcp.Host.Plugins;

/// <summary>One plugin folder as <c>GET /api/v1/plugins</c> shows it.</summary>
/// <param name="Name">The plugin's name.</param>
/// <param name="Version">Its version, from the manifest or the assembly.</param>
/// <param name="Folder">The folder it was loaded from.</param>
/// <param name="State"><c>loaded</c> or <c>failed</c>.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record PluginStatus(string Name, string? Version, string Folder, string State, string? Error);
