using System.Security.Claims;

namespace VmwareMcp.Host.Security;

/// <summary>
/// The principal of the REST request or MCP tool call in flight, for checks deep in shared code (which
/// targets a token may touch). Null for work the host does on its own (start-up, collectors, stdio).
/// </summary>
internal static class Caller
{
    private static readonly AsyncLocal<ClaimsPrincipal?> CurrentPrincipal = new();

    public static ClaimsPrincipal? Current => CurrentPrincipal.Value;

    public static IDisposable Use(ClaimsPrincipal? principal)
    {
        var previous = CurrentPrincipal.Value;
        CurrentPrincipal.Value = principal;
        return new Restore(previous);
    }

    private sealed class Restore(ClaimsPrincipal? previous) : IDisposable
    {
        public void Dispose() => CurrentPrincipal.Value = previous;
    }
}
