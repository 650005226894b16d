namespace VmwareMcp.Host.Audit;

/// <summary>
/// Where the audit log lives: every change's <c>started</c> record and the record of how it ended, shared by
/// every process on one configuration. One interface, so a server database can take the embedded one's place
/// when several replicas share state.
/// </summary>
internal interface IAuditStore
{
    /// <summary>Appends one record, durably, before returning.</summary>
    /// <exception cref="AuditUnavailableException">It could not be written: the change must not be made.</exception>
    Task WriteAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>One record per change as it ended (or <c>started</c>, when it never did), newest first, filtered and paged.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>The change with this id as it ended (its last record), or null.</summary>
    Task<AuditRecord?> FindAsync(string changeId, CancellationToken cancellationToken);

    /// <summary>Every record as written (started and ended alike), oldest first, as JSON lines for log shippers.</summary>
    IAsyncEnumerable<string> ExportAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
