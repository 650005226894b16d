using System.Text.RegularExpressions;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Policy;
using VmwareMcp.Host.Targets;

namespace VmwareMcp.Host.Policies;

/// <summary>
/// The operator's rules (<c>policies:</c>, <c>protected_vms:</c>) at the one policy boundary, the same for MCP
/// tools and REST routes of every plugin: the first rule that matches a call decides; a call no rule matches
/// is allowed. A refusal names the rule and where it is configured.
/// </summary>
internal sealed partial class CallPolicy(PolicyRuleSet rules, TargetProviders targets, PolicyBudgets budgets, TimeProvider time)
{
    /// <summary>Whether any rule is configured (without one, nothing needs to be read for the rules).</summary>
    public bool Active => rules.Rules.Count > 0;

    /// <summary>Throws when a rule denies the call (or its budget is spent); returns otherwise, with the rule that decided, if any.</summary>
    /// <param name="operation">The tool or route name.</param>
    /// <param name="subject">The value of the declared subject argument (a VM's id or name), if any.</param>
    /// <param name="created">The value of the declared created-name argument (a new VM's name), if any.</param>
    /// <exception cref="HypervisorException"><see cref="HypervisorErrorKind.Forbidden"/>, naming the rule.</exception>
    public async Task<PolicyVerdict> EnforceAsync(string operation, PolicyAttribute policy, string? token, string? target, string? subject, string? created, CancellationToken cancellationToken)
    {
        var ruleSet = rules.Rules; // One set for the whole call, even if a reload lands meanwhile.
        if (ruleSet.Count == 0)
        {
            return new PolicyVerdict(null, operation, target ?? string.Empty, subject ?? created);
        }

        var targetName = targets.OptionsOf(target)?.Name ?? target ?? string.Empty;
        var names = new List<string>();
        if (created is not null)
        {
            names.Add(created);
        }

        string? powerState = null;
        if (policy.SubjectKind == "vm" && subject is not null && ruleSet.Any(r => r.Vms.Count > 0 || r.PowerStates.Count > 0))
        {
            names.Add(subject);
            if (VmId().IsMatch(subject) || ruleSet.Any(r => r.PowerStates.Count > 0))
            {
                var vm = await VmAsync(target, subject, cancellationToken);
                names.Add(vm?.Name ?? subject);
                powerState = vm?.PowerState;
            }
        }

        var call = new PolicyCall(operation, token, targetName, names, policy.Changes, powerState);
        var now = time.GetUtcNow();
        var rule = ruleSet.FirstOrDefault(r => r.Matches(call, now));
        var on = names.Count > 0 ? $" on '{names[^1]}'" : string.Empty;
        if (rule is { Effect: PolicyEffect.Deny })
        {
            throw new HypervisorException(HypervisorErrorKind.Forbidden,
                $"refused by policy rule '{rule.Name}' ({rule.Key}): {operation}{on} by '{token}' on target '{targetName}' is denied; nothing was done");
        }

        if (rule is { BudgetCalls: { } calls } && !await budgets.TrySpendAsync(rule, token ?? "-", cancellationToken))
        {
            throw new HypervisorException(HypervisorErrorKind.Forbidden,
                $"refused by policy rule '{rule.Name}' ({rule.Key}): '{token}' has used its budget of {calls} call(s) per {rule.BudgetWindow.TotalMinutes:0} minutes for {operation}{on}; nothing was done")
            {
                RetryAfter = rule.BudgetWindow,
            };
        }

        return new PolicyVerdict(rule, operation, targetName, names.LastOrDefault());
    }

    /// <summary>The VM as vSphere has it now, for rules on names and power states; null when it cannot be read (the call itself will say why).</summary>
    private async Task<Abstractions.Vms.VmDetails?> VmAsync(string? target, string vm, CancellationToken cancellationToken)
    {
        try
        {
            return await (await targets.GetAsync(target, cancellationToken)).GetVmAsync(vm, cancellationToken);
        }
        catch (HypervisorException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^vm-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex VmId();
}
