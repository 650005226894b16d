using System.Text.Json;

namespace VmwareMcp.Abstractions.Policy;

/// <summary>
/// Says what one destructive MCP tool would do, from a fresh read of the estate, so the host's confirmation
/// shows that instead of the call's bare arguments. Named by the tool's <see cref="PolicyAttribute.Preview"/>;
/// the host creates it from the request's services for each unconfirmed call. Since 2.1.
/// </summary>
public interface IActionPreview
{
    /// <summary>The preview of a call, or null when this call needs no confirmation (powering a VM on, say).</summary>
    /// <param name="tool">The tool's name.</param>
    /// <param name="arguments">The call's arguments as sent (without <c>confirm</c>); a missing one is absent.</param>
    /// <param name="cancellationToken">Cancelled with the call.</param>
    /// <exception cref="Errors.HypervisorException">The object does not exist or cannot be read: the call fails with it.</exception>
    Task<ActionPreview?> PreviewAsync(string tool, IReadOnlyDictionary<string, JsonElement> arguments, CancellationToken cancellationToken);
}
