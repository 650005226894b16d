using System.Globalization;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Policies;

/// <summary>
/// Reads <c>policies:</c> and <c>protected_vms:</c>, refusing what cannot be meant: every error at once, each
/// naming its key, so one start (or reload) shows the operator all there is to fix.
/// </summary>
internal static class PolicyRulesReader
{
    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    public static List<PolicyRule> Read(SettingReader reader)
    {
        var errors = new List<string>();
        T Checked<T>(Func<T> read, T fallback)
        {
            try
            {
                return read();
            }
            catch (ConfigurationException ex)
            {
                errors.Add(ex.Message);
                return fallback;
            }
        }

        var rules = new List<PolicyRule>();
        var protectedVms = reader.List("protected_vms");
        if (protectedVms.Count > 0)
        {
            // First, so no rule can allow what the operator protected.
            rules.Add(new PolicyRule { Name = "protected_vms", Key = "protected_vms", Effect = PolicyEffect.Deny, Vms = protectedVms, ChangesOnly = true });
        }

        for (var i = 0; reader.Has($"policies:{i}"); i++)
        {
            var key = $"policies:{i}";
            var prefix = key + ":";
            var zone = TimeZoneInfo.Utc;
            if (reader.String(prefix + "time_zone") is { } zoneName && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
            {
                errors.Add(reader.Error(prefix + "time_zone", $"'{zoneName}' is not a known time zone (an IANA name such as Europe/Berlin, or UTC)").Message);
                zone = TimeZoneInfo.Utc;
            }

            rules.Add(new PolicyRule
            {
                Name = reader.String(prefix + "name") ?? key,
                Key = key,
                Effect = Checked(() => reader.String(prefix + "effect")?.ToLowerInvariant() switch
                {
                    "deny" => PolicyEffect.Deny,
                    "allow" => PolicyEffect.Allow,
                    "require_approval" => PolicyEffect.RequireApproval,
                    null => throw reader.Error(prefix + "effect", "missing: deny, require_approval or allow"),
                    var other => throw reader.Error(prefix + "effect", $"'{other}' is not one of deny, require_approval, allow"),
                }, PolicyEffect.Deny),
                Tools = reader.List(prefix + "tools"),
                Tokens = reader.List(prefix + "tokens"),
                Targets = reader.List(prefix + "targets"),
                Vms = reader.List(prefix + "vms"),
                PowerStates = Checked(() => PowerStates(reader, prefix + "power_states"), []),
                ChangesOnly = reader.Bool(prefix + "changes_only", false),
                Days = Checked(() => Days(reader, prefix + "days"), null),
                Hours = Checked(() => Hours(reader, prefix + "hours"), null),
                Zone = zone!,
                BudgetCalls = Checked(() => reader.Has(prefix + "budget") ? reader.Int(prefix + "budget:calls", 0, 1, 1_000_000) is var calls and > 0
                    ? calls : throw reader.Error(prefix + "budget:calls", "missing: how many calls the budget allows (1 or more)") : (int?)null, null),
                BudgetWindow = TimeSpan.FromMinutes(Checked(() => reader.Int(prefix + "budget:per_minutes", 60, 1, 7 * 24 * 60), 60)),
                ApprovalWindow = TimeSpan.FromMinutes(Checked(() => reader.Int(prefix + "approval_minutes", 60, 1, 7 * 24 * 60), 60)),
            });
        }

        foreach (var duplicate in rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(reader.Error("policies", $"the rule name '{duplicate.Key}' is used twice; refusals name the rule, so names must be unique").Message);
        }

        return errors.Count switch
        {
            0 => rules,
            1 => throw new ConfigurationException(errors[0]),
            _ => throw new ConfigurationException($"{errors.Count} errors in the policy rules:\n  {string.Join("\n  ", errors)}"),
        };
    }

    private static List<string> PowerStates(SettingReader reader, string key) =>
        reader.List(key).Select(s => s.Trim() is "poweredOn" or "poweredOff" or "suspended" ? s.Trim()
            : throw reader.Error(key, $"'{s}' is not a power state: use poweredOn, poweredOff, suspended")).ToList();

    private static HashSet<DayOfWeek>? Days(SettingReader reader, string key)
    {
        var days = reader.List(key);
        return days.Count == 0 ? null : days.Select(d => DayNames.TryGetValue(d.Trim(), out var day)
            ? day
            : throw reader.Error(key, $"'{d}' is not a day: use mon, tue, wed, thu, fri, sat, sun")).ToHashSet();
    }

    private static (TimeOnly, TimeOnly)? Hours(SettingReader reader, string key)
    {
        if (reader.String(key) is not { } text)
        {
            return null;
        }

        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) && from != to
            ? (from, to)
            : throw reader.Error(key, $"'{text}' is not a range of hours such as 08:00-18:00 (24-hour, start and end differ)");
    }
}
