using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Providers;

namespace VmwareMcp.Plugins.Core;

/// <summary>
/// <c>resources/subscribe</c> for the <see cref="InventoryResources"/>: a subscribed session gets
/// <c>notifications/resources/updated</c> when the live inventory sees that object change (power state,
/// address, hardware, host; made through this host or behind its back). One watch per target, started by
/// its first subscription. Sessions that can be sent to (SSE, stdio, a Streamable HTTP session) are served.
/// </summary>
internal sealed partial class ResourceSubscriptions(ITargetProviders targets, IHostApplicationLifetime lifetime, ILogger<ResourceSubscriptions> logger)
{
    private readonly ConcurrentDictionary<(McpServer Session, string Uri), Subscription> _subscriptions = new();
    private readonly ConcurrentDictionary<string, Task> _watches = new(StringComparer.OrdinalIgnoreCase);

    public static ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken) =>
        context.Services!.GetRequiredService<ResourceSubscriptions>().AddAsync(context.Server, context.Params!.Uri, cancellationToken);

    public static ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        context.Services!.GetRequiredService<ResourceSubscriptions>()._subscriptions.TryRemove((context.Server, context.Params!.Uri), out _);
        return ValueTask.FromResult(new EmptyResult());
    }

    private async ValueTask<EmptyResult> AddAsync(McpServer session, string uri, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme != "vsphere" || parsed.Segments.Length != 3)
        {
            throw new McpProtocolException($"'{uri}' is not a resource of this server: use vsphere://{{target}}/vm/{{id}} (or host, datastore, cluster)", McpErrorCode.InvalidParams);
        }

        var target = parsed.Host;
        var kind = parsed.Segments[1].TrimEnd('/');
        var id = Uri.UnescapeDataString(parsed.Segments[2]);
        try
        {
            // Resolves the target (and the caller's right to it), and a VM named by name to its id.
            var provider = await targets.GetAsync(target, cancellationToken);
            var objectId = kind == "vm" ? (await provider.GetVmAsync(id, cancellationToken)).Id : id;
            _subscriptions[(session, uri)] = new Subscription(provider.Target.Name, objectId);
            // Runs for the life of the host; it ends itself on failure, so the next subscription starts another.
            _ = _watches.GetOrAdd(provider.Target.Name, name => Task.Run(() => WatchAsync(name, lifetime.ApplicationStopping)));
            return new EmptyResult();
        }
        catch (HypervisorException ex)
        {
            throw ResourceErrors.Of(ex);
        }
    }

    private async Task WatchAsync(string target, CancellationToken stopping)
    {
        try
        {
            var provider = await targets.GetAsync(target, stopping);
            if (provider.InventoryCache is not { } cache)
            {
                LogNoCache(logger, target);
                return;
            }

            await foreach (var id in cache.WatchChangesAsync(stopping))
            {
                foreach (var ((session, uri), subscription) in _subscriptions)
                {
                    if (subscription.Target == target && subscription.ObjectId == id)
                    {
                        await NotifyAsync(session, uri, stopping);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (HypervisorException ex)
        {
            LogWatchFailed(logger, target, ex.Message);
            _watches.TryRemove(target, out _); // The next subscription tries again.
        }
    }

    private async Task NotifyAsync(McpServer session, string uri, CancellationToken cancellationToken)
    {
        try
        {
            await session.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification, new ResourceUpdatedNotificationParams { Uri = uri }, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException)
        {
            _subscriptions.TryRemove((session, uri), out _); // The session has ended.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resource subscriptions on target {Target} get no updates: it keeps no live inventory (inventory_cache is off)")]
    private static partial void LogNoCache(ILogger logger, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The resource update watch on target {Target} stopped: {Reason}")]
    private static partial void LogWatchFailed(ILogger logger, string target, string reason);

    private sealed record Subscription(string Target, string ObjectId);
}
