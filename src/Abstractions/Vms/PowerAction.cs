namespace VmwareMcp.Abstractions.Vms;

/// <summary>The original's <c>desired_state</c> values.</summary>
public enum PowerAction
{
    /// <summary>Power on.</summary>
    PowerOn,

    /// <summary>Hard power off (like pulling the plug).</summary>
    PowerOff,

    /// <summary>Hard reset.</summary>
    Reset,

    /// <summary>Suspend to disk.</summary>
    Suspend,

    /// <summary>Ask the guest OS to shut down (needs VMware Tools).</summary>
    ShutdownGuest,

    /// <summary>Ask the guest OS to reboot (needs VMware Tools).</summary>
    RebootGuest,
}
