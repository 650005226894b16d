namespace VmwareMcp.Host.FrontDoor;

/// <summary>What a destructive action would do, shown instead of doing it.</summary>
/// <param name="DryRun">Always true: nothing was changed.</param>
/// <param name="Action">The action, for example <c>delete_vm</c>.</param>
/// <param name="Target">The target.</param>
/// <param name="Vm">The VM's id, when the action is on a VM.</param>
/// <param name="Would">A sentence saying exactly what would happen.</param>
/// <param name="Host">The host's id, when the action is on a host.</param>
internal sealed record ActionPreview(bool DryRun, string Action, string Target, string? Vm, string Would, string? Host = null)
{
    /// <summary>How to go ahead, when the caller can (an MCP call without <c>confirm</c>); null on REST's <c>dry_run</c>.</summary>
    public string? Proceed { get; init; }
}

/// <summary>An MCP call to a destructive tool without <c>confirm: true</c>: the preview is the answer.</summary>
internal sealed class ConfirmationRequiredException(ActionPreview preview) : Exception(preview.Would)
{
    public ActionPreview Preview { get; } = preview;
}
