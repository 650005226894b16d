using VmwareMcp.Abstractions.Vms;

namespace VmwareMcp.Plugins.Core;

/// <summary>The original's delete body: <c>{"vm_identifier": "vm-to-remove"}</c>, plus <c>force</c>.</summary>
/// <param name="VmIdentifier">VM id or exact name.</param>
/// <param name="Force">Power a running VM off first.</param>
internal sealed record DeleteVmBody(string VmIdentifier, bool Force = false);

/// <summary>The original's power body: <c>{"vm_identifier": "…", "desired_state": "POWER_ON"}</c>.</summary>
/// <param name="VmIdentifier">VM id or exact name.</param>
/// <param name="DesiredState">POWER_ON, POWER_OFF, RESET, SUSPEND, SHUTDOWN_GUEST or REBOOT_GUEST.</param>
internal sealed record PowerBody(string VmIdentifier, PowerAction DesiredState);

/// <summary>Body of <c>POST /api/v1/vms/{id}/rename</c>.</summary>
/// <param name="NewName">The new name.</param>
internal sealed record RenameBody(string NewName);

/// <summary>Body of <c>PUT /api/v1/vms/{id}/notes</c>.</summary>
/// <param name="Notes">The notes; empty clears them.</param>
internal sealed record NotesBody(string Notes);
