using VmwareMcp.Host.Policies;

namespace VmwareMcp.Tests.Security;

/// <summary>When a rule applies: its days and hours, read in its time zone. Pure, so any instant can be tried.</summary>
public sealed class PolicyRuleWindowTests
{
    private static readonly PolicyCall Call = new("power_vm", "agent", "default", ["web-01"], Changes: true);

    [Theory]
    [InlineData("2026-12-02T23:30:00Z", true)]
    [InlineData("2026-12-03T05:59:00Z", true)]
    [InlineData("2026-12-03T06:00:00Z", false)]
    [InlineData("2026-12-03T12:00:00Z", false)]
    public void Hours_may_wrap_midnight(string at, bool applies)
    {
        var rule = Rule() with { Hours = (new TimeOnly(22, 0), new TimeOnly(6, 0)) };

        Assert.Equal(applies, rule.Matches(Call, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Days_are_read_in_the_rules_time_zone()
    {
        // Saturday 23:30 UTC is already Sunday in Tokyo.
        var rule = Rule() with { Days = new HashSet<DayOfWeek> { DayOfWeek.Sunday }, Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") };

        Assert.True(rule.Matches(Call, new DateTimeOffset(2026, 12, 5, 23, 30, 0, TimeSpan.Zero)));
        Assert.False(rule.Matches(Call, new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_changes_only_rule_leaves_reads_alone()
    {
        var rule = Rule() with { ChangesOnly = true };

        Assert.False(rule.Matches(Call with { Operation = "get_vm", Changes = false }, DateTimeOffset.UnixEpoch));
        Assert.True(rule.Matches(Call, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Tool_and_vm_globs_ignore_case()
    {
        var rule = Rule() with { Tools = ["POWER_*"], Vms = ["WEB-*"] };

        Assert.True(rule.Matches(Call, DateTimeOffset.UnixEpoch));
        Assert.False(rule.Matches(Call with { VmNames = ["db-01"] }, DateTimeOffset.UnixEpoch));
    }

    private static PolicyRule Rule() => new() { Name = "r", Key = "policies:0", Effect = PolicyEffect.Deny };
}
