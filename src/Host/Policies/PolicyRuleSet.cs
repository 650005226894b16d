using VmwareMcp.Host.Configuration;
using VmwareMcp.Host.Startup;

namespace VmwareMcp.Host.Policies;

/// <summary>
/// The rules in force (<c>policies:</c>, <c>protected_vms:</c>), read at start and again on reload from the
/// same configuration file and environment. A reload that finds an error keeps the rules in force and says
/// what is wrong, naming the file and key, so a typo never leaves the estate without its rules.
/// </summary>
internal sealed class PolicyRuleSet(HostSettings settings, HostStartOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private volatile IReadOnlyList<PolicyRule> _rules = settings.Policies;
    private DateTimeOffset _loaded = time.GetUtcNow();
    private string? _lastError;

    /// <summary>The rules in force, in order.</summary>
    public IReadOnlyList<PolicyRule> Rules => _rules;

    /// <summary>What is in force and how the last reload went.</summary>
    public PolicyRulesStatus Status()
    {
        lock (_gate)
        {
            return new PolicyRulesStatus(_rules.Select(r => new PolicyRuleSummary(r.Name, r.Key, Effect(r.Effect))).ToList(), _loaded, _lastError, options.ConfigFile);
        }
    }

    /// <summary>Reads the rules again; on an error keeps the ones in force and returns the error.</summary>
    public PolicyRulesStatus Reload()
    {
        lock (_gate)
        {
            try
            {
                _rules = HostSettingsLoader.Load(options.ConfigFile, options.Environment, options.BaseDirectory).Settings.Policies;
                _loaded = time.GetUtcNow();
                _lastError = null;
            }
            catch (ConfigurationException ex)
            {
                _lastError = ex.Message;
            }

            return Status();
        }
    }

    public static string Effect(PolicyEffect effect) => effect == PolicyEffect.RequireApproval ? "require_approval" : effect.ToString().ToLowerInvariant();
}

/// <summary>The rules in force, when they were read, and why the last reload was refused (null when it was not).</summary>
/// <param name="Rules">Name, key and effect of each rule, in order.</param>
/// <param name="LoadedAt">When the rules in force were read.</param>
/// <param name="LastError">Why the last reload kept them, naming the file and key.</param>
/// <param name="ConfigFile">The file they are read from (null: the environment alone).</param>
public sealed record PolicyRulesStatus(IReadOnlyList<PolicyRuleSummary> Rules, DateTimeOffset LoadedAt, string? LastError, string? ConfigFile);

/// <summary>One rule, as the status lists it.</summary>
public sealed record PolicyRuleSummary(string Name, string Key, string Effect);
