using System.Globalization;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Policies;

/// <summary>Reads <c>policies:</c> and <c>protected_vms:</c>, refusing at start what cannot be meant, naming the key.</summary>
internal static class PolicyRulesReader
{
    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    public static List<PolicyRule> Read(SettingReader reader)
    {
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
                throw reader.Error(prefix + "time_zone", $"'{zoneName}' is not a known time zone (an IANA name such as Europe/Berlin, or UTC)");
            }

            rules.Add(new PolicyRule
            {
                Name = reader.String(prefix + "name") ?? key,
                Key = key,
                Effect = reader.String(prefix + "effect")?.ToLowerInvariant() switch
                {
                    "deny" => PolicyEffect.Deny,
                    "allow" => PolicyEffect.Allow,
                    "require_approval" => PolicyEffect.RequireApproval,
                    null => throw reader.Error(prefix + "effect", "missing: deny, require_approval or allow"),
                    var other => throw reader.Error(prefix + "effect", $"'{other}' is not one of deny, require_approval, allow"),
                },
                Tools = reader.List(prefix + "tools"),
                Tokens = reader.List(prefix + "tokens"),
                Targets = reader.List(prefix + "targets"),
                Vms = reader.List(prefix + "vms"),
                PowerStates = PowerStates(reader, prefix + "power_states"),
                ChangesOnly = reader.Bool(prefix + "changes_only", false),
                Days = Days(reader, prefix + "days"),
                Hours = Hours(reader, prefix + "hours"),
                Zone = zone!,
                BudgetCalls = reader.Has(prefix + "budget") ? reader.Int(prefix + "budget:calls", 0, 1, 1_000_000) is var calls and > 0
                    ? calls : throw reader.Error(prefix + "budget:calls", "missing: how many calls the budget allows (1 or more)") : null,
                BudgetWindow = TimeSpan.FromMinutes(reader.Int(prefix + "budget:per_minutes", 60, 1, 7 * 24 * 60)),
                ApprovalWindow = TimeSpan.FromMinutes(reader.Int(prefix + "approval_minutes", 60, 1, 7 * 24 * 60)),
            });
        }

        var duplicate = rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? rules : throw reader.Error("policies", $"the rule name '{duplicate.Key}' is used twice; refusals name the rule, so names must be unique");
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
