using System.Reflection;

namespace VmwareMcp.Tests.Harness;

/// <summary>Paths inside the repository, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The plugins folder the build laid out beside the running assembly.</summary>
    public static string BuiltPlugins => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Test-only plugins (for example one whose entry point throws).</summary>
    public static string TestPlugins =>
        Path.Combine(Root, "artifacts", "test-plugins", Configuration);

    /// <summary>The samples a third party would write (for example a provider with its own YamlDotNet).</summary>
    public static string Samples =>
        Path.Combine(Root, "artifacts", "samples", Configuration);

    /// <summary>The build configuration, the same for this library, the tests and the plugins.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<System.Reflection.AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VmwareMcp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VmwareMcp.sln not found above " + AppContext.BaseDirectory);
    }
}
