namespace VmwareMcp.Host.Audit;

/// <summary>
/// The audit log could not be written. A change is audited before it is made, so the change is refused
/// (REST 503, MCP tool error) and nothing is done.
/// </summary>
internal sealed class AuditUnavailableException(string path, Exception inner)
    : Exception($"the audit log '{path}' cannot be written ({inner.Message}); the change was refused and nothing was done", inner);
