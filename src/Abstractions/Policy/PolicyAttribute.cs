namespace VmwareMcp.Abstractions.Policy;

/// <summary>
/// Declares how the host's one policy boundary treats an MCP tool (on its method) or a REST route (as
/// endpoint metadata: <c>.WithMetadata(new PolicyAttribute(AccessScope.Operate))</c>). The host, not the
/// plugin, enforces it, the same way for every plugin: the scope is checked (and tools a token may not use
/// are left out of its <c>tools/list</c>); a call that <see cref="Changes"/> state is refused on a read-only
/// target, and audited before it runs; a <see cref="Destructive"/> one goes through the host's confirmation
/// (MCP: elicitation where the session allows it, else a preview until <c>confirm: true</c>; REST:
/// <c>?dry_run=true</c> previews). Since contract 1.4; a tool without it is treated as its MCP annotations say.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class PolicyAttribute(AccessScope scope) : Attribute
{
    private readonly bool? _changes;

    /// <summary>The scope a token needs.</summary>
    public AccessScope Scope { get; } = scope;

    /// <summary>Whether a call changes something in the estate. Defaults to true for any scope above <see cref="AccessScope.Read"/>.</summary>
    public bool Changes
    {
        get => _changes ?? Scope != AccessScope.Read;
        init => _changes = value;
    }

    /// <summary>Whether the change cannot be undone (delete, hard power-off, revert): the host then asks before it is made.</summary>
    public bool Destructive { get; init; }

    /// <summary>The argument (MCP) or query parameter (REST) that names the target; <c>target</c> unless said otherwise.</summary>
    public string Target { get; init; } = "target";

    /// <summary>The argument or route value that names the object acted on (a VM, host or snapshot), for the audit record; null when none.</summary>
    public string? Subject { get; init; }

    /// <summary>The argument naming the VM a call creates (a clone's new name), whose state the audit keeps after the change; null when none.</summary>
    public string? Creates { get; init; }

    /// <summary>What <see cref="Subject"/> names: <c>vm</c> (the audit then keeps the VM's state before and after), <c>host</c>, <c>snapshot</c> or another word.</summary>
    public string SubjectKind { get; init; } = "vm";

    /// <summary>
    /// For a <see cref="Destructive"/> MCP tool: an <see cref="IActionPreview"/> type whose preview the host's
    /// confirmation shows (and which may say a call needs none); null shows the call's arguments. Since 2.1.
    /// </summary>
    public Type? Preview { get; init; }
}
