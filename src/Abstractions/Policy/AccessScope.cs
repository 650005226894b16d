namespace VmwareMcp.Abstractions.Policy;

/// <summary>
/// What a token must be allowed to do for a tool or route to be offered and run. Scopes are ordered: a
/// token with <see cref="Admin"/> may do everything <see cref="Operate"/> may, and so on.
/// </summary>
public enum AccessScope
{
    /// <summary>Look only: inventory, metrics, events, tasks.</summary>
    Read,

    /// <summary>Change what is there: power, create, clone, resize, snapshots, migrate.</summary>
    Operate,

    /// <summary>Remove things and change the estate itself: delete, maintenance mode, plugins, the audit log.</summary>
    Admin,
}
