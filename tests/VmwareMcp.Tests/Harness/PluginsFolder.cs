namespace VmwareMcp.Tests.Harness;

/// <summary>A fresh plugins folder holding copies of the built plugins, where tests drop and remove others.</summary>
public sealed class PluginsFolder
{
    private PluginsFolder(string path) => Path = path;

    public string Path { get; }

    public static PluginsFolder WithBuiltPlugins()
    {
        var folder = new PluginsFolder(Directory.CreateTempSubdirectory("vmwaremcp-plugins-").FullName);
        foreach (var plugin in Directory.GetDirectories(RepositoryPaths.BuiltPlugins))
        {
            CopyFolder(plugin, System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(plugin)));
        }

        return folder;
    }

    /// <summary>
    /// Drops a plugin in the way operators should: copied beside the folder under a hidden name, then
    /// renamed into place in one step, so a watcher never sees it half-copied.
    /// </summary>
    public string Drop(string source, string? name = null)
    {
        name ??= System.IO.Path.GetFileName(source);
        var staging = System.IO.Path.Combine(Path, "." + name + "-staging");
        CopyFolder(source, staging);
        var target = System.IO.Path.Combine(Path, name);
        Directory.Move(staging, target);
        return target;
    }

    /// <summary>Drops a folder with the given files (name to content).</summary>
    public string DropFiles(string name, IReadOnlyDictionary<string, string> files)
    {
        var staging = System.IO.Path.Combine(Path, "." + name + "-staging");
        Directory.CreateDirectory(staging);
        foreach (var (file, content) in files)
        {
            File.WriteAllText(System.IO.Path.Combine(staging, file), content);
        }

        var target = System.IO.Path.Combine(Path, name);
        Directory.Move(staging, target);
        return target;
    }

    public void Remove(string name) => Directory.Delete(System.IO.Path.Combine(Path, name), recursive: true);

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyFolder(directory, System.IO.Path.Combine(to, System.IO.Path.GetFileName(directory)));
        }
    }
}
