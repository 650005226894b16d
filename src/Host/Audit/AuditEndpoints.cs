using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Host.Security;

namespace VmwareMcp.Host.Audit;

/// <summary><c>GET /api/v1/audit</c> (admin): the audit log, newest first, filtered.</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit", async (AuditLog log, string? token, string? target, string? vm, string? outcome, DateTimeOffset? since, int? limit, CancellationToken ct) =>
            {
                var count = limit ?? 100;
                if (count is < 1 or > 10_000)
                {
                    throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"limit must be between 1 and 10000, got {count}");
                }

                return await log.ReadAsync(new AuditQuery(token, target, vm, outcome, since, count), ct);
            })
            .RequireAuthorization(Scope.Admin.Name())
            .WithName("read_audit_log")
            .WithSummary("The audit log, newest first (filters: token, target, vm, outcome, since, limit)");
}
