namespace VmwareMcp.Host.Targets;

/// <summary>A configured target as list_targets and <c>GET /api/v1/targets</c> show it (never its credentials).</summary>
/// <param name="Name">The name to pass as 'target'.</param>
/// <param name="Endpoint">The endpoint's host and port.</param>
/// <param name="Kind">vcenter or esxi, once known.</param>
/// <param name="LastError">Why it could not be reached last time, if so.</param>
public sealed record TargetRow(string Name, string Endpoint, string? Kind, string? LastError);
