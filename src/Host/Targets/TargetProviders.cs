using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Targets;

/// <summary>
/// Resolves each target to a provider once: by its <c>kind</c>, or by asking each factory whether it serves
/// the endpoint. A failure is remembered for /readyz and retried on the next call.
/// </summary>
internal sealed partial class TargetProviders(
    HostSettings settings,
    ProviderFactories factories,
    IServiceProvider services,
    ILogger<TargetProviders> logger) : ITargetProviders, IAsyncDisposable
{
    private readonly Dictionary<string, TargetSlot> _slots =
        settings.Targets.ToDictionary(t => t.Name, t => new TargetSlot(t), StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<TargetOptions> Targets => settings.Targets;

    /// <summary>
    /// Records whether a target answered; logs only when that changes, so a health probe every few
    /// seconds does not flood the log while a broken target still shows once, with its reason.
    /// </summary>
    public void ReportStatus(string target, string? error)
    {
        if (!_slots.TryGetValue(target, out var slot))
        {
            return;
        }

        var previous = Interlocked.Exchange(ref slot.Status, error ?? string.Empty);
        if (previous == (error ?? string.Empty))
        {
            return;
        }

        if (error is null)
        {
            LogConnected(logger, target);
        }
        else
        {
            LogNotConnected(logger, target, error);
        }
    }

    /// <summary>The last failure per target, or null when it resolved.</summary>
    public string? LastError(string target) => _slots.TryGetValue(target, out var slot) ? slot.LastError : null;

    public IReadOnlyList<TargetStatus> Describe() =>
        settings.Targets.Where(t => MayAccess(t.Name))
            .Select(t => new TargetStatus { Name = t.Name, Endpoint = t.Endpoint.Authority, Kind = KindOf(t.Name) ?? t.Kind, LastError = LastError(t.Name) })
            .ToList();

    /// <summary>The kind of a target that resolved, else null.</summary>
    public string? KindOf(string target) => _slots.TryGetValue(target, out var slot) ? slot.Kind : null;

    /// <summary>The provider for a change: also refused when the target is read-only.</summary>
    public async ValueTask<IHypervisorProvider> GetForChangeAsync(string? target, CancellationToken cancellationToken)
    {
        var provider = await GetAsync(target, cancellationToken);
        return provider.Target.ReadOnly
            ? throw new HypervisorException(HypervisorErrorKind.Forbidden, $"target '{provider.Target.Name}' is read-only (read_only: true in the configuration); nothing was changed")
            : provider;
    }

    /// <summary>The configured target a call names (or the only one), or null when the name is unknown or needed; the call itself then says why.</summary>
    public TargetOptions? OptionsOf(string? target) =>
        string.IsNullOrWhiteSpace(target) ? _slots.Count == 1 ? _slots.Values.Single().Target : null
        : _slots.TryGetValue(target, out var slot) ? slot.Target : null;

    public bool MayAccess(string target) => Security.CallerScopes.MayTouch(Security.Caller.Current, target);

    public async ValueTask<IHypervisorProvider> GetAsync(string? target, CancellationToken cancellationToken)
    {
        var slot = Find(target);
        if (!Security.CallerScopes.MayTouch(Security.Caller.Current, slot.Target.Name))
        {
            throw new HypervisorException(HypervisorErrorKind.Forbidden, $"the token '{Security.Caller.Current?.Identity?.Name}' may not touch target '{slot.Target.Name}'");
        }

        if (slot.Provider is { } ready)
        {
            return ready;
        }

        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (slot.Provider is { } raced)
            {
                return raced;
            }

            var factory = await ChooseFactoryAsync(slot.Target, cancellationToken);
            slot.Provider = factory.Create(slot.Target, services);
            slot.ProviderToDispose = slot.Provider;
            slot.Kind = factory.Kind;
            slot.Factory = factory;
            slot.LastError = null;
            LogResolved(logger, slot.Target.Name, factory.Kind);
            return slot.Provider;
        }
        catch (HypervisorException ex)
        {
            slot.LastError = ex.Message;
            throw;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private TargetSlot Find(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return _slots.Count == 1
                ? _slots.Values.Single()
                : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"several targets are configured; name one with 'target': {Names()}");
        }

        return _slots.TryGetValue(target, out var slot)
            ? slot
            : throw new HypervisorException(HypervisorErrorKind.NotFound, $"no target named '{target}'; configured targets: {Names()}");
    }

    private async Task<IHypervisorProviderFactory> ChooseFactoryAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        if (target.Kind is not null)
        {
            return factories.Current.FirstOrDefault(f => string.Equals(f.Kind, target.Kind, StringComparison.OrdinalIgnoreCase))
                ?? throw new HypervisorException(HypervisorErrorKind.Unavailable, $"target '{target.Name}' has kind '{target.Kind}', but no loaded plugin serves that kind (loaded kinds: {Kinds()})");
        }

        foreach (var factory in factories.Current)
        {
            if (await factory.ClaimsAsync(target, services, cancellationToken))
            {
                return factory;
            }
        }

        throw new HypervisorException(HypervisorErrorKind.Unavailable, $"no loaded plugin serves target '{target.Name}' at {target.Endpoint} (loaded kinds: {Kinds()})");
    }

    private string Names() => string.Join(", ", settings.Targets.Select(t => t.Name));

    private string Kinds() => factories.Current.Count == 0 ? "none" : string.Join(", ", factories.Current.Select(f => f.Kind));

    /// <summary>
    /// Disposes the providers a factory made, so their targets resolve again (to another plugin, or to a
    /// clear "no plugin serves" error) once the factory's plugin is unloaded.
    /// </summary>
    public async Task ForgetAsync(IReadOnlyCollection<IHypervisorProviderFactory> removed)
    {
        foreach (var slot in _slots.Values.Where(s => s.Factory is { } f && removed.Contains(f)))
        {
            await slot.Gate.WaitAsync();
            try
            {
                slot.Provider = null;
                slot.Kind = null;
                slot.Factory = null;
                if (Interlocked.Exchange(ref slot.ProviderToDispose, null) is { } provider)
                {
                    await provider.DisposeAsync();
                }
            }
            finally
            {
                slot.Gate.Release();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // DI registers this instance twice (as itself and as ITargetProviders) and disposes it twice.
        foreach (var slot in _slots.Values)
        {
            if (Interlocked.Exchange(ref slot.ProviderToDispose, null) is { } provider)
            {
                await provider.DisposeAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Target {Target} is connected")]
    private static partial void LogConnected(ILogger logger, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Target {Target} is not connected: {Reason}")]
    private static partial void LogNotConnected(ILogger logger, string target, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Target {Target} is served by the {Kind} provider")]
    private static partial void LogResolved(ILogger logger, string target, string kind);

    private sealed class TargetSlot(TargetOptions target)
    {
        public TargetOptions Target { get; } = target;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public IHypervisorProvider? Provider { get; set; }

        public string? Kind { get; set; }

        public IHypervisorProviderFactory? Factory { get; set; }

        public string? LastError { get; set; }

        /// <summary>Empty when connected, else the reason; null before the first report.</summary>
        public string? Status;

        /// <summary>The provider until it is disposed, once.</summary>
        public IHypervisorProvider? ProviderToDispose;
    }
}
