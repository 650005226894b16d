using System.IO.Enumeration;

namespace VmwareMcp.Host.Policies;

/// <summary>
/// One rule of <c>policies:</c> (or the rule <c>protected_vms</c> makes): which calls it matches and whether
/// they are allowed or denied. Every list left empty matches anything; globs take <c>*</c> and <c>?</c> and
/// ignore case.
/// </summary>
public sealed record PolicyRule
{
    /// <summary>The name refusals quote.</summary>
    public required string Name { get; init; }

    /// <summary>Where it is configured, for example <c>policies:2</c>.</summary>
    public required string Key { get; init; }

    /// <summary>What a matching call gets.</summary>
    public required PolicyEffect Effect { get; init; }

    /// <summary>Tool or route names (globs): <c>delete_vm</c>, <c>*snapshot*</c>.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Token names.</summary>
    public IReadOnlyList<string> Tokens { get; init; } = [];

    /// <summary>Target names.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Names (globs) of the VM the call acts on or creates.</summary>
    public IReadOnlyList<string> Vms { get; init; } = [];

    /// <summary>Power states (<c>poweredOn</c>, <c>poweredOff</c>, <c>suspended</c>) the VM acted on must be in, as vSphere reports it when the call is made.</summary>
    public IReadOnlyList<string> PowerStates { get; init; } = [];

    /// <summary>Only calls that change something.</summary>
    public bool ChangesOnly { get; init; }

    /// <summary>Days of the week it applies on, in <see cref="Zone"/>; null: every day.</summary>
    public IReadOnlySet<DayOfWeek>? Days { get; init; }

    /// <summary>The hours it applies in, in <see cref="Zone"/> (from inclusive, to exclusive; may wrap midnight); null: all day.</summary>
    public (TimeOnly From, TimeOnly To)? Hours { get; init; }

    /// <summary>At most this many matching calls per token within <see cref="BudgetWindow"/>; beyond, the rule refuses. Null: no budget.</summary>
    public int? BudgetCalls { get; init; }

    /// <summary>The sliding window <see cref="BudgetCalls"/> counts in.</summary>
    public TimeSpan BudgetWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>For <see cref="PolicyEffect.RequireApproval"/>: how long a request may wait for a decision, and an approval for its use.</summary>
    public TimeSpan ApprovalWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The zone <see cref="Days"/> and <see cref="Hours"/> are read in; UTC unless <c>time_zone</c> says otherwise.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Whether the rule applies to <paramref name="call"/> at <paramref name="now"/>.</summary>
    public bool Matches(PolicyCall call, DateTimeOffset now)
    {
        if (ChangesOnly && !call.Changes
            || Tools.Count > 0 && !Tools.Any(t => Glob(t, call.Operation))
            || Tokens.Count > 0 && !Tokens.Contains(call.Token ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            || Targets.Count > 0 && !Targets.Contains(call.Target, StringComparer.OrdinalIgnoreCase)
            || Vms.Count > 0 && !call.VmNames.Any(name => Vms.Any(v => Glob(v, name)))
            || PowerStates.Count > 0 && !PowerStates.Contains(call.PowerState ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        var local = TimeZoneInfo.ConvertTime(now, Zone);
        if (Days is not null && !Days.Contains(local.DayOfWeek))
        {
            return false;
        }

        if (Hours is not { } hours)
        {
            return true;
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        return hours.From <= hours.To ? time >= hours.From && time < hours.To : time >= hours.From || time < hours.To;
    }

    private static bool Glob(string glob, string name) => FileSystemName.MatchesSimpleExpression(glob, name, ignoreCase: true);
}

/// <summary>What a rule does with the calls it matches.</summary>
public enum PolicyEffect
{
    /// <summary>Let it through (no later rule is asked).</summary>
    Allow,

    /// <summary>Refuse it, naming the rule; nothing is done.</summary>
    Deny,

    /// <summary>Hold it as a pending request until an admin approves it; the caller then calls again with the approval's id.</summary>
    RequireApproval,
}

/// <summary>A call as the rules see it: what, by whom, where, on which VMs (by name), whether it changes something, and the VM's power state (when a rule asks).</summary>
public sealed record PolicyCall(string Operation, string? Token, string Target, IReadOnlyList<string> VmNames, bool Changes, string? PowerState = null);

/// <summary>What the rules said of a call that may go ahead: the rule that matched (null: none), and the call as they saw it.</summary>
/// <param name="Rule">The first matching rule; <see cref="PolicyEffect.RequireApproval"/> means the call still needs an approval.</param>
/// <param name="Operation">The tool or route name.</param>
/// <param name="Target">The target's configured name.</param>
/// <param name="Subject">The VM (by name, where it was read) the call acts on or creates.</param>
public sealed record PolicyVerdict(PolicyRule? Rule, string Operation, string Target, string? Subject)
{
    /// <summary>A preview that also says which rule would apply, when one does.</summary>
    public static Abstractions.Policy.ActionPreview? Annotate(Abstractions.Policy.ActionPreview? preview, PolicyVerdict? verdict) =>
        preview is not null && verdict is { Rule: not null } ? preview with { Would = $"{preview.Would} ({verdict.Describe()})" } : preview;

    /// <summary>Which rule applies, for previews and dry runs: "rule 'x' (policies:2): deny", or that none does.</summary>
    public string Describe() => Rule is { } rule
        ? $"policy rule '{rule.Name}' ({rule.Key}) applies: {PolicyRuleSet.Effect(rule.Effect)}"
        : "no policy rule applies";
}
