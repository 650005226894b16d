using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions;
using VmwareMcp.Abstractions.Plugins;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Host.Plugins;

/// <summary>
/// Loads each subfolder of <c>plugins_path</c> into its own AssemblyLoadContext and lets its entry point
/// register services. The one place where a plugin's failure is caught: it is recorded and skipped.
/// </summary>
internal sealed partial class PluginFolderLoader(ILogger logger)
{
    /// <summary>
    /// The types whose assemblies plugins must share with the host. Contract types must be one type on both
    /// sides or casts fail; DI, configuration, logging and routing cross the boundary in the entry point's
    /// signature; the MCP types must be the host's or the plugin's tools silently vanish from tools/list.
    /// Everything else a plugin ships stays private to it (PreferSharedTypes is off).
    /// </summary>
    private static readonly Type[] SharedTypes =
    [
        typeof(IVmwareMcpPlugin),
        typeof(IServiceCollection),
        typeof(ServiceCollection),
        typeof(IConfiguration),
        typeof(ILogger),
        typeof(Microsoft.Extensions.Options.IOptions<>),
        typeof(IHttpClientFactory),
        typeof(IEndpointRouteBuilder),
        typeof(Microsoft.AspNetCore.Http.HttpContext),
        typeof(McpServerTool),
        typeof(IMcpServerBuilder),
        typeof(McpServerBuilderExtensions),
        typeof(ModelContextProtocol.AspNetCore.HttpServerTransportOptions),
    ];

    /// <summary>
    /// Loads every plugin folder at start: each one's registrations join the host's services, so its options
    /// are validated on start and its startup filters run. A failed folder is recorded and skipped.
    /// </summary>
    public PluginCatalog LoadAll(string pluginsPath, IServiceCollection services, IConfiguration configuration)
    {
        var catalog = new PluginCatalog();
        if (!Directory.Exists(pluginsPath))
        {
            LogNoPluginFolder(logger, pluginsPath);
            return catalog;
        }

        foreach (var folder in PluginFolders(pluginsPath))
        {
            if (TryLoad(folder, configuration, unloadable: false, catalog) is { } plugin)
            {
                foreach (var descriptor in plugin.Registrations)
                {
                    services.Add(descriptor);
                }
            }
        }

        return catalog;
    }

    /// <summary>The plugin folders under <paramref name="pluginsPath"/>, in a stable order; hidden folders are staging areas.</summary>
    public static IEnumerable<string> PluginFolders(string pluginsPath) =>
        Directory.Exists(pluginsPath)
            ? Directory.GetDirectories(pluginsPath).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
            : [];

    /// <summary>Loads one folder and records the outcome in <paramref name="catalog"/>; null when it failed.</summary>
    public LoadedPlugin? TryLoad(string folder, IConfiguration configuration, bool unloadable, PluginCatalog catalog)
    {
        var name = Path.GetFileName(folder);
        PluginManifest? manifest = null;
        try
        {
            manifest = PluginManifest.Read(folder);
            var plugin = Load(folder, manifest, configuration, unloadable);
            catalog.AddLoaded(plugin, loadedAtStart: !unloadable);
            LogLoaded(logger, plugin.Name, plugin.Version, folder);
            return plugin;
        }
        catch (Exception ex)
        {
            var reason = Describe(ex);
            catalog.AddFailed(manifest?.Name ?? name, folder, manifest?.Version, reason);
            LogFailed(logger, ex is PluginLoadException ? null : ex, manifest?.Name ?? name, folder, reason);
            return null;
        }
    }

    private static LoadedPlugin Load(string folder, PluginManifest manifest, IConfiguration configuration, bool unloadable)
    {
        CheckContractVersion(manifest);
        var entryPath = ConfinedPath(folder, manifest.EntryAssembly!);
        if (!File.Exists(entryPath))
        {
            throw new PluginLoadException($"entry assembly '{manifest.EntryAssembly}' not found in the plugin folder");
        }

        // A plugin loaded at run time is collectible, so removing its folder can unload it. Its assemblies are
        // loaded from their files (not copied into memory) so Assembly.Location still names the plugin's folder.
        var loader = PluginLoader.CreateFromAssemblyFile(entryPath, isUnloadable: unloadable, SharedTypes, config => config.PreferSharedTypes = false);
        try
        {
            Assembly assembly;
            try
            {
                assembly = loader.LoadDefaultAssembly();
            }
            catch (BadImageFormatException ex)
            {
                throw new PluginLoadException($"'{manifest.EntryAssembly}' is not a .NET assembly", ex);
            }

            CheckSharedIdentity(loader);
            var entryType = FindEntryPoint(assembly);
            var entryPoint = (IVmwareMcpPlugin)Activator.CreateInstance(entryType)!;

            // Registrations are staged, so a plugin that throws halfway leaves nothing behind in the host.
            var staged = new ServiceCollection();
            entryPoint.ConfigureServices(staged, configuration);
            staged.Scan(scan => scan.FromAssemblies(assembly)
                .AddClasses(classes => classes.AssignableTo<IHypervisorProviderFactory>())
                .As<IHypervisorProviderFactory>()
                .WithSingletonLifetime());
            return new LoadedPlugin(manifest.Name!, folder, manifest, assembly, entryPoint, loader, staged);
        }
        catch
        {
            if (unloadable)
            {
                loader.Dispose();
            }

            throw;
        }
    }

    private static void CheckContractVersion(PluginManifest manifest)
    {
        if (!Version.TryParse(manifest.ContractVersion, out var wanted))
        {
            throw new PluginLoadException($"contract_version '{manifest.ContractVersion}' is not a version such as {ContractVersion.Current}");
        }

        if (wanted.Major != ContractVersion.Major || wanted.Minor > ContractVersion.Minor)
        {
            throw new PluginLoadException($"built for contract {manifest.ContractVersion}; this host offers {ContractVersion.Current}");
        }
    }

    /// <summary>Rejects entry paths that leave the plugin folder (<c>../</c>, rooted paths, UNC, URLs).</summary>
    internal static string ConfinedPath(string folder, string relative)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(relative) || relative.Contains("://", StringComparison.Ordinal))
        {
            throw new PluginLoadException($"entry assembly '{relative}' must be a file inside the plugin folder");
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root, StringComparison.Ordinal)
            ? full
            : throw new PluginLoadException($"entry assembly '{relative}' must be a file inside the plugin folder");
    }

    private static void CheckSharedIdentity(PluginLoader loader)
    {
        foreach (var shared in new[] { typeof(McpServerTool), typeof(IServiceCollection), typeof(IVmwareMcpPlugin) })
        {
            var seen = loader.LoadAssembly(shared.Assembly.GetName());
            if (seen != shared.Assembly)
            {
                throw new PluginLoadException(
                    $"the plugin resolves {shared.Assembly.GetName().Name} to its own copy ({seen.GetName().Version}); reference it compile-only (ExcludeAssets=runtime) so the host's {shared.Assembly.GetName().Version} is used");
            }
        }
    }

    private static Type FindEntryPoint(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new PluginLoadException($"cannot read the plugin's types: {Describe(ex)}", ex);
        }

        var candidates = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IVmwareMcpPlugin).IsAssignableFrom(t)).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new PluginLoadException($"no public class implements {nameof(IVmwareMcpPlugin)} in {assembly.GetName().Name}"),
            _ => throw new PluginLoadException($"{candidates.Count} classes implement {nameof(IVmwareMcpPlugin)}; a plugin has exactly one entry point"),
        };
    }

    public static string Describe(Exception ex) => ex switch
    {
        PluginLoadException => ex.Message,
        ReflectionTypeLoadException rtl => rtl.LoaderExceptions.FirstOrDefault(e => e is not null)?.Message ?? ex.Message,
        System.Reflection.TargetInvocationException { InnerException: { } inner } => $"{inner.GetType().Name}: {inner.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin folder {Path} does not exist; no plugins loaded")]
    private static partial void LogNoPluginFolder(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded plugin {Name} {Version} from {Folder}")]
    private static partial void LogLoaded(ILogger logger, string name, string? version, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Name} in {Folder} failed and is skipped: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception? exception, string name, string folder, string reason);
}
