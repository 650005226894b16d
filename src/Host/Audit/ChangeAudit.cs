using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json.Nodes;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// One change on its way through the audit, the same for REST and MCP: a <c>started</c> record is written
/// before the change is made (if it cannot be, the change is refused), and a record of how it ended, with
/// the same id, after. The vSphere tasks it starts are collected from the moment it is created.
/// </summary>
internal sealed class ChangeAudit : IDisposable
{
    private static readonly AsyncLocal<ChangeAudit?> Ambient = new();
    private readonly ChangeAudit? _outer;
    private readonly IAuditStore _log;
    private readonly TargetProviders _targets;
    private readonly ClaimsPrincipal? _user;
    private readonly ILogger _logger;
    private readonly AuditRecord _started;
    private readonly IDisposable _trail;
    private readonly long _clock = Stopwatch.GetTimestamp();
    private readonly string? _vmBefore;
    private readonly string? _vmAfter;
    private readonly string? _sameVmCandidate;
    private VmState? _candidateBefore;
    private VmState? _before;
    private Approvals.Approval? _approval;

    /// <summary>Opens the task trail in the caller's async flow (it must enclose the change).</summary>
    /// <param name="policy">What the tool or route declared: the subject and what it creates come from it, never from guessing at argument names.</param>
    public ChangeAudit(IServiceProvider services, ClaimsPrincipal? user, string surface, string operation, string? target, JsonObject arguments, PolicyAttribute? policy)
    {
        var subject = policy?.Subject is { } named ? AuditArguments.Text(arguments[named]) : null;
        _vmBefore = policy is { SubjectKind: "vm", Creates: null } ? subject : null; // A VM being made did not exist before.
        _vmAfter = policy?.Creates is { } creates ? AuditArguments.Text(arguments[creates]) : _vmBefore;
        // A change that names an existing VM and a new name (a rename, or a clone's source) keeps the VM as it was
        // when it turns out to be the same VM afterwards: a rename's before, never a clone's source.
        _sameVmCandidate = policy is { SubjectKind: "vm", Creates: { } made } && made != policy.Subject ? subject : null;
        _log = services.GetRequiredService<IAuditStore>();
        _targets = services.GetRequiredService<TargetProviders>();
        _logger = services.GetRequiredService<ILogger<ChangeAudit>>();
        _user = user;
        _trail = TaskTrail.Begin(out var tasks);
        _outer = Ambient.Value;
        Ambient.Value = this;
        Tasks = tasks;
        _started = new AuditRecord(DateTimeOffset.UtcNow, user?.Identity?.Name ?? "local", surface, operation, target,
            subject, arguments, "started", null, null, 0, Id: Guid.NewGuid().ToString("N"));
    }

    /// <summary>The change being audited in this async flow, for the policy boundary to note an approval on.</summary>
    public static ChangeAudit? Current => Ambient.Value;

    /// <summary>The vSphere task ids the change started so far.</summary>
    public IReadOnlyList<string> Tasks { get; }

    /// <summary>Notes the approval request that held the change, or the approval it is made with; its end record names it.</summary>
    public void Approved(Approvals.Approval? approval)
    {
        if (approval is not null)
        {
            _approval = approval;
        }
    }

    /// <summary>Reads the subject as it is and writes the <c>started</c> record.</summary>
    /// <exception cref="AuditUnavailableException">The record could not be written: do not make the change.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _before = await VmState.ReadAsync(_targets, _user, _started.Target, _vmBefore, cancellationToken);
        _candidateBefore = await VmState.ReadAsync(_targets, _user, _started.Target, _sameVmCandidate, cancellationToken);
        await _log.WriteAsync(_started with { Before = _before, Approval = _approval?.Id, ApprovedBy = _approval?.DecidedBy }, cancellationToken);
    }

    /// <summary>Writes how the change ended. Never throws: a change already made cannot be taken back, so a failure here is logged as critical.</summary>
    public async Task EndAsync(string outcome, int? status, string? error)
    {
        var after = outcome == "ok"
            ? await VmState.ReadAsync(_targets, _user, _started.Target, _vmAfter, CancellationToken.None)
            : null;
        var ended = _started with
        {
            Time = DateTimeOffset.UtcNow,
            Outcome = outcome,
            Status = status,
            Error = error,
            DurationMs = (long)Stopwatch.GetElapsedTime(_clock).TotalMilliseconds,
            Tasks = [.. Tasks],
            Before = _before ?? (_candidateBefore is { Id: { } id } && after?.Id == id ? _candidateBefore : null),
            After = after,
            Approval = _approval?.Id,
            ApprovedBy = _approval?.State == "pending" ? null : _approval?.DecidedBy,
        };
        try
        {
            await _log.WriteAsync(ended, CancellationToken.None); // The change is made: its end is recorded whatever the caller does.
        }
        catch (AuditUnavailableException ex)
        {
            _logger.LogCritical(ex, "Change {Id} ({Operation}) ended {Outcome} but its end could not be audited; its started record stands", ended.Id, ended.Operation, outcome);
        }
    }

    /// <summary>A REST change's operation as the audit names it: the method and the route's pattern, e.g. <c>POST /api/v1/vms/{id}/rename</c>.</summary>
    public static string RestOperation(string method, Endpoint? endpoint, string? path) =>
        $"{method} {((endpoint as RouteEndpoint)?.RoutePattern.RawText?.TrimEnd('/') is { Length: > 0 } pattern ? pattern : path)}";

    /// <summary>
    /// How a change that threw ended: refused when nothing was started and the endpoint said no; unknown
    /// when a task was started and its end could not be learned (target lost, timed out); failed otherwise.
    /// </summary>
    public static string OutcomeOf(Exception exception, IReadOnlyList<string> tasks) => exception switch
    {
        HypervisorException { Kind: HypervisorErrorKind.Unavailable } or OperationCanceledException or TimeoutException or HttpRequestException
            => tasks.Count > 0 ? "unknown" : "failed",
        HypervisorException { Kind: not HypervisorErrorKind.Failed } when tasks.Count == 0 => "refused",
        System.Text.Json.JsonException or ArgumentException when tasks.Count == 0 => "refused", // Arguments that could not be bound.
        _ => "failed",
    };

    public void Dispose()
    {
        Ambient.Value = _outer;
        _trail.Dispose();
    }
}
