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
