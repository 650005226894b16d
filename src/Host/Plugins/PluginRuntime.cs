using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.Plugins;

/// <summary>
/// Brings the running host in line with the plugins folder: loads folders that appeared (or that failed
/// and may have been fixed), unloads plugins whose folder went away. Their MCP tools join and leave the
/// server's tool collection, which notifies connected sessions with <c>notifications/tools/list_changed</c>.
/// </summary>
internal sealed partial class PluginRuntime(
    HostSettings settings,
    PluginCatalog catalog,
    PluginEndpointSource endpoints,
    ProviderFactories factories,
    TargetProviders targets,
    IOptions<McpServerOptions> mcp,
    IConfiguration configuration,
    IServiceProvider services,
    ILogger<PluginRuntime> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, PluginAttachment> _attached = new(StringComparer.Ordinal);
    private readonly PluginFolderLoader _loader = new(logger);

    /// <summary>What each failed folder looked like when it failed: it is retried only once it changes.</summary>
    private readonly Dictionary<string, string> _failedAt = new(StringComparer.Ordinal);

    /// <summary>The collection every session serves (see <see cref="Mcp.SharedToolCollection"/>).</summary>
    private McpServerPrimitiveCollection<McpServerTool> Tools => mcp.Value.ToolCollection!;

    public async Task<PluginReload> ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var onDisk = PluginFolderLoader.PluginFolders(settings.PluginsPath).ToHashSet(StringComparer.Ordinal);
            var known = catalog.Folders();
            List<string> loaded = [], unloaded = [], failed = [];

            foreach (var (folder, (plugin, loadedAtStart)) in known.Where(k => !onDisk.Contains(k.Key)))
            {
                if (_attached.Remove(folder, out var attachment))
                {
                    await DetachAsync(attachment);
                    FrameworkCaches.Clear();
                    catalog.Remove(folder);
                    unloaded.Add(folder);
                    LogDetached(logger, attachment.Plugin.Name, folder);
                }
                else if (plugin is not null && loadedAtStart)
                {
                    catalog.MarkRemovedFromDisk(folder);
                }
                else
                {
                    catalog.Remove(folder);
                }

                _failedAt.Remove(folder);
            }

            foreach (var folder in onDisk.Order(StringComparer.Ordinal))
            {
                if (known.TryGetValue(folder, out var entry) && entry.Plugin is not null)
                {
                    continue;
                }

                var fingerprint = Fingerprint(folder);
                if (_failedAt.TryGetValue(folder, out var failedFingerprint) && failedFingerprint == fingerprint)
                {
                    continue;
                }

                if (await TryAttachAsync(folder, cancellationToken))
                {
                    _failedAt.Remove(folder);
                    loaded.Add(folder);
                }
                else
                {
                    _failedAt[folder] = fingerprint;
                    failed.Add(folder);
                }
            }

            return new PluginReload(loaded, unloaded, failed, catalog.Statuses());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The folder's files, sizes and times, so a failed folder is retried only after it changes.</summary>
    private static string Fingerprint(string folder)
    {
        try
        {
            return string.Join('|', new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
                .OrderBy(f => f.FullName, StringComparer.Ordinal)
                .Select(f => $"{f.FullName}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private async Task<bool> TryAttachAsync(string folder, CancellationToken cancellationToken)
    {
        if (_loader.TryLoad(folder, configuration, unloadable: true, catalog) is not { } plugin)
        {
            return false;
        }

        PluginAttachment? attachment = null;
        try
        {
            attachment = PluginAttachment.Create(plugin, services);
            var clash = attachment.Tools.Select(t => t.ProtocolTool.Name).FirstOrDefault(name => Tools.TryGetPrimitive(name, out _));
            if (clash is not null)
            {
                throw new PluginLoadException($"its tool '{clash}' has the name of a tool already served; rename it");
            }

            factories.Add(attachment.Factories);
            await attachment.StartAsync(cancellationToken);
            endpoints.Set(folder, attachment.Endpoints);
            foreach (var tool in attachment.Tools)
            {
                Tools.Add(tool);
            }

            _attached[folder] = attachment;
            LogAttached(logger, plugin.Name, attachment.Tools.Count, attachment.Endpoints.Count);
            return true;
        }
        catch (Exception ex)
        {
            var reason = ex is InvalidOperationException or PluginLoadException ? ex.Message : PluginFolderLoader.Describe(ex);
            catalog.AddFailed(plugin.Name, folder, plugin.Version, reason);
            LogAttachFailed(logger, ex is PluginLoadException or InvalidOperationException ? null : ex, plugin.Name, folder, reason);
            if (attachment is not null)
            {
                await DetachAsync(attachment);
            }
            else
            {
                plugin.Loader.Dispose();
            }

            return false;
        }
    }

    private async Task DetachAsync(PluginAttachment attachment)
    {
        // Removal is by name: only take away what this plugin added, never a same-named tool it clashed with.
        foreach (var tool in attachment.Tools.Where(t => Tools.TryGetPrimitive(t.ProtocolTool.Name, out var served) && ReferenceEquals(served, t)))
        {
            Tools.Remove(tool);
        }

        endpoints.Remove(attachment.Plugin.Folder);
        factories.Remove(attachment.Factories);
        await targets.ForgetAsync(attachment.Factories);
        await attachment.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var attachment in _attached.Values)
        {
            await attachment.DisposeAsync();
        }

        _attached.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Name} joined the running host: {Tools} tool(s), {Routes} route(s)")]
    private static partial void LogAttached(ILogger logger, string name, int tools, int routes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Name} in {Folder} failed and is skipped: {Reason}")]
    private static partial void LogAttachFailed(ILogger logger, Exception? exception, string name, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Name} unloaded: its folder {Folder} was removed")]
    private static partial void LogDetached(ILogger logger, string name, string folder);
}
