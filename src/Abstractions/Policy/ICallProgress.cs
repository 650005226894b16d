namespace VmwareMcp.Abstractions.Policy;

/// <summary>
/// Progress of the call being served, from the host's DI. Over MCP it becomes ordered
/// <c>notifications/progress</c> to a client that asked for them (a progress token), all sent before the
/// result; elsewhere there is nobody to tell. Pass what <see cref="For"/> returns to a provider's long
/// operation. Since 2.1.
/// </summary>
public interface ICallProgress
{
    /// <summary>A reporter of percentages (0-100) for the call in flight, or null when nobody asked for progress.</summary>
    /// <param name="what">What is being done, for the notices' text: <c>cloning web-01 to web-02</c>.</param>
    IProgress<int>? For(string what);
}
