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

    /// <summary>Reads the manifest, or describes a folder without one by its name (entry <c>&lt;Folder&gt;.dll</c>).</summary>
    /// <exception cref="PluginLoadException">Malformed manifest.</exception>
    public static PluginManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var folderName = Path.GetFileName(folder);
        if (!File.Exists(path))
        {
            return new PluginManifest { Id = folderName, Name = folderName, EntryAssembly = folderName + ".dll" };
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path))
                ?? throw new PluginLoadException($"{FileName} is empty");
            return manifest with { Id = manifest.Id ?? folderName, Name = manifest.Name ?? folderName, EntryAssembly = manifest.EntryAssembly ?? folderName + ".dll" };
        }
        catch (JsonException ex)
        {
            throw new PluginLoadException($"{FileName} is malformed: {ex.Message}");
        }
    }
}
