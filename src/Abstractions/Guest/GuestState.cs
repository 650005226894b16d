namespace VmwareMcp.Abstractions.Guest;

/// <summary>What a VM's guest reports through VMware Tools, after waiting for it. Since 2.5.</summary>
public sealed record GuestState
{
    /// <summary>The VM's id.</summary>
    public required string Vm { get; init; }

    /// <summary>Whether the guest answered within the time given: it reports an IP address, which only VMware Tools can.</summary>
    public required bool Ready { get; init; }

    /// <summary><c>guestToolsRunning</c>, <c>guestToolsNotRunning</c> or <c>guestToolsExecutingScripts</c>.</summary>
    public string? ToolsStatus { get; init; }

    /// <summary>The guest's primary IP address.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The guest's host name.</summary>
    public string? HostName { get; init; }

    /// <summary>How long the call waited, in seconds.</summary>
    public double WaitedSeconds { get; init; }
}
