using System.Threading.Channels;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Plugins;

/// <summary>
/// Rescans the plugins folder when something in it changes (<c>plugins_watch</c>). Copying a plugin raises
/// many events; the rescan waits until the folder has been quiet for a moment, and a folder caught
/// half-copied fails to load and is retried on the next change.
/// </summary>
internal sealed partial class PluginFolderWatcher(HostSettings settings, PluginRuntime runtime, ILogger<PluginFolderWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.PluginsWatch || !Directory.Exists(settings.PluginsPath))
        {
            return;
        }

        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new FileSystemWatcher(settings.PluginsPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, _) => changes.Writer.TryWrite(true);
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Changed += changed;
        watcher.Renamed += (_, _) => changes.Writer.TryWrite(true);
        watcher.Error += (_, e) =>
        {
            // Events were lost (for example the kernel's queue overflowed): a rescan catches up.
            LogWatchError(logger, e.GetException());
            changes.Writer.TryWrite(true);
        };
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (IOException ex)
        {
            // For example the inotify instance limit: the host serves on, and reload still works on demand.
            LogCannotWatch(logger, ex, settings.PluginsPath);
            return;
        }

        LogWatching(logger, settings.PluginsPath);
        // Whatever arrived between the start-up load and the watcher starting is picked up now.
        changes.Writer.TryWrite(true);

        try
        {
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                await WaitForQuietAsync(changes.Reader, stoppingToken);
                var reload = await runtime.ReloadAsync(stoppingToken);
                if (reload.Loaded.Count + reload.Unloaded.Count + reload.Failed.Count > 0)
                {
                    LogRescanned(logger, reload.Loaded.Count, reload.Unloaded.Count, reload.Failed.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private static async Task WaitForQuietAsync(ChannelReader<bool> changes, CancellationToken cancellationToken)
    {
        while (changes.TryRead(out _))
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(Quiet);
            try
            {
                await changes.WaitToReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Path} for plugins added or removed")]
    private static partial void LogWatching(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugins folder rescanned: {Loaded} loaded, {Unloaded} unloaded, {Failed} failed")]
    private static partial void LogRescanned(ILogger logger, int loaded, int unloaded, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Path} for plugins; use POST /api/v1/plugins/reload after adding or removing one")]
    private static partial void LogCannotWatch(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The plugins folder watcher reported an error; rescanning the folder")]
    private static partial void LogWatchError(ILogger logger, Exception exception);
}
