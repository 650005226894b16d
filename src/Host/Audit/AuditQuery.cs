namespace VmwareMcp.Host.Audit;

/// <summary>Filters for <c>GET /api/v1/audit</c>; every given one must match.</summary>
/// <param name="Token">Token name.</param>
/// <param name="Target">Target name.</param>
/// <param name="Vm">VM id or name.</param>
/// <param name="Outcome">ok, refused, preview or failed.</param>
/// <param name="Since">Only records at or after this time.</param>
/// <param name="Limit">At most this many, newest first.</param>
/// <param name="Offset">Skip this many of the newest matches first (the next page).</param>
internal sealed record AuditQuery(string? Token, string? Target, string? Vm, string? Outcome, DateTimeOffset? Since, int Limit, int Offset = 0)
{
    public bool Matches(AuditRecord record) =>
        (Token is null || string.Equals(record.Token, Token, StringComparison.OrdinalIgnoreCase))
        && (Target is null || string.Equals(record.Target, Target, StringComparison.OrdinalIgnoreCase))
        && (Vm is null || record.Vm == Vm)
        && (Outcome is null || string.Equals(record.Outcome, Outcome, StringComparison.OrdinalIgnoreCase))
        && (Since is null || record.Time >= Since);
}
