using System.Reflection;
using McMaster.NETCore.Plugins;
using VmwareMcp.Abstractions.Plugins;

namespace VmwareMcp.Host.Plugins;

/// <summary>A plugin whose entry point ran: its registrations are staged in <see cref="Registrations"/>.</summary>
/// <param name="Name">The manifest's name.</param>
/// <param name="Folder">The plugin folder.</param>
/// <param name="Manifest">The manifest as read.</param>
/// <param name="Assembly">The entry assembly, loaded in the plugin's own context.</param>
/// <param name="EntryPoint">The plugin's entry point.</param>
/// <param name="Loader">The plugin's load context; unloadable when the plugin was loaded at run time.</param>
/// <param name="Registrations">What the entry point registered, plus its provider factories.</param>
internal sealed record LoadedPlugin(
    string Name, string Folder, PluginManifest Manifest, Assembly Assembly, IVmwareMcpPlugin EntryPoint, PluginLoader Loader, IServiceCollection Registrations)
{
    public string? Version => Manifest.Version ?? Assembly.GetName().Version?.ToString();
}
