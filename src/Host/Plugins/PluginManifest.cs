using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmwareMcp.Host.Plugins;

/// <summary>A plugin folder's <c>plugin.json</c>, read before any of its code loads.</summary>
internal sealed record PluginManifest
{
    public const string FileName = "plugin.json";

    [JsonPropertyName("id")] public string? Id { get; init; }

    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("version")] public string? Version { get; init; }

    [JsonPropertyName("description")] public string? Description { get; init; }

    [JsonPropertyName("entry_assembly")] public string? EntryAssembly { get; init; }

    [JsonPropertyName("contract_version")] public string? ContractVersion { get; init; }

    /// <summary>Reads the manifest; a folder without one is refused, since nothing says what it is or which contract it needs.</summary>
    /// <exception cref="PluginLoadException">No manifest, a malformed one, or one without <c>contract_version</c>.</exception>
    public static PluginManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var folderName = Path.GetFileName(folder);
        if (!File.Exists(path))
        {
            throw new PluginLoadException(
                $"no {FileName}: every plugin folder needs a manifest with at least entry_assembly and contract_version (this host offers {Abstractions.ContractVersion.Current}); nothing of the folder was loaded");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path))
                ?? throw new PluginLoadException($"{FileName} is empty");
            if (string.IsNullOrWhiteSpace(manifest.ContractVersion))
            {
                throw new PluginLoadException($"{FileName} has no contract_version: say which contract the plugin was built against (this host offers {Abstractions.ContractVersion.Current})");
            }

            return manifest with { Id = manifest.Id ?? folderName, Name = manifest.Name ?? folderName, EntryAssembly = manifest.EntryAssembly ?? folderName + ".dll" };
        }
        catch (JsonException ex)
        {
            throw new PluginLoadException($"{FileName} is malformed: {ex.Message}");
        }
    }
}
