using VmwareMcp.Host.State;

namespace VmwareMcp.Host.Policies;

/// <summary>
/// What each token has spent of each rule's budget, in the <see cref="StateDatabase"/>, so every process on one
/// configuration counts against the same budget. Checking and spending are one statement: two processes can
/// never both take the last call.
/// </summary>
internal sealed class PolicyBudgets(StateDatabase database, TimeProvider time)
{
    /// <summary>Spends one call of <paramref name="rule"/>'s budget for <paramref name="token"/>; false when none is left.</summary>
    public async Task<bool> TrySpendAsync(PolicyRule rule, string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM policy_budget WHERE at < $oldest;
            INSERT INTO policy_budget (rule, token, at)
                SELECT $rule, $token, $now WHERE (SELECT COUNT(*) FROM policy_budget WHERE rule = $rule AND token = $token AND at >= $since) < $calls;
            SELECT changes();
            """;
        command.Parameters.AddWithValue("$oldest", now - (long)TimeSpan.FromDays(7).TotalMilliseconds);
        command.Parameters.AddWithValue("$rule", rule.Name);
        command.Parameters.AddWithValue("$token", token);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$since", now - (long)rule.BudgetWindow.TotalMilliseconds);
        command.Parameters.AddWithValue("$calls", rule.BudgetCalls!.Value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
