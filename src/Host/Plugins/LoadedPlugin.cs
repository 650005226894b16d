using System.Reflection;
using McMaster.NETCore.Plugins;
using VmwareMcp.Abstractions.Plugins;

namespace VmwareMcp.Host.Plugins;

/// <summary>A plugin whose entry point was created; kept for mapping endpoints and for tests.</summary>
internal sealed record LoadedPlugin(string Name, string Folder, PluginManifest Manifest, Assembly Assembly, IVmwareMcpPlugin EntryPoint, PluginLoader Loader);
