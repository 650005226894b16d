namespace VmwareMcp.Abstractions.Policy;

/// <summary>
/// What a destructive call would do, answered instead of doing it: to an MCP call without <c>confirm: true</c>,
/// to a REST call with <c>?dry_run=true</c>, and as the question of an elicitation. Since 2.1.
/// </summary>
/// <remarks>
/// The <see cref="Would"/> sentence is read by a person or a model deciding whether to go ahead: say what
/// would change, on which object, as it is now (read it fresh), and what cannot be undone.
/// </remarks>
public sealed record ActionPreview
{
    /// <summary>Always true: nothing was changed.</summary>
    public bool DryRun { get; init; } = true;

    /// <summary>The tool or route name, for example <c>delete_vm</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The target the call would act on.</summary>
    public required string Target { get; init; }

    /// <summary>The VM's id, when the call acts on a VM.</summary>
    public string? Vm { get; init; }

    /// <summary>One or two sentences saying exactly what would happen.</summary>
    public required string Would { get; init; }

    /// <summary>The host's id, when the call acts on a host.</summary>
    public string? Host { get; init; }

    /// <summary>How to go ahead, set by the host when the caller can (an MCP call without <c>confirm</c>); null on REST's <c>dry_run</c>.</summary>
    public string? Proceed { get; init; }
}
