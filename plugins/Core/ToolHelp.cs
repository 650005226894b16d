namespace VmwareMcp.Plugins.Core;

/// <summary>Parameter descriptions every front-door tool uses, so clients read the same words everywhere.</summary>
internal static class ToolHelp
{
    public const string Target = "Configured target name (see list_targets); optional when only one is configured.";

    public const string Vm = "The VM: its id (e.g. vm-42) or its exact name.";

    public const string Host = "The host: its id (e.g. host-21) or its exact name.";

    public const string Confirm = "Must be true to act; without it the tool only says what it would do.";
}
