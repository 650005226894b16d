using System.Text;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Policy;

namespace VmwareMcp.Host.Audit;

/// <summary>
/// <c>GET /api/v1/audit</c> (admin): the audit log, newest first, one record per change, filtered; and
/// <c>GET /api/v1/audit/export</c>: every record as written, oldest first, as JSON lines for log shippers.
/// </summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", async (IAuditStore log, string? token, string? target, string? vm, string? outcome, DateTimeOffset? since, int? limit, int? offset, CancellationToken ct) =>
            {
                var count = limit ?? 100;
                if (count is < 1 or > 10_000)
                {
                    throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"limit must be between 1 and 10000, got {count}");
                }

                if (offset is < 0 or > 100_000)
                {
                    throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"offset must be between 0 and 100000, got {offset}");
                }

                return await log.ReadAsync(new AuditQuery(token, target, vm, outcome, since, count, offset ?? 0), ct);
            })
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Changes = false })
            .WithName("read_audit_log")
            .WithSummary("The audit log, newest first, one record per change as it ended (filters: token, target, vm, outcome, since; pages: offset, limit)");

        api.MapGet("/audit/export", (IAuditStore log, DateTimeOffset? since, CancellationToken ct) =>
                Results.Stream(async body =>
                {
                    await foreach (var line in log.ExportAsync(since, ct))
                    {
                        await body.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), ct);
                    }
                }, "application/x-ndjson"))
            .WithMetadata(new PolicyAttribute(AccessScope.Admin) { Changes = false })
            .Produces<string>(StatusCodes.Status200OK, "application/x-ndjson")
            .WithName("export_audit_log")
            .WithSummary("Every audit record as written (started and ended alike), oldest first, as JSON lines (since: only records at or after it)");
    }
}
