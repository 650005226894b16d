using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Guest;

/// <summary>
/// Follows a VM's guest properties through a <see cref="PrivateCollector"/> until it reports an IP address
/// or the time is up: no polling of the whole VM.
/// </summary>
internal static class GuestWatch
{
    private static readonly string[] Paths = ["guest.ipAddress", "guest.hostName", "guest.toolsRunningStatus"];

    /// <summary>The guest's properties when it reports an IP, or as they were when <paramref name="timeout"/> passed.</summary>
    /// <param name="onSecond">Called with the time waited so far, about each second.</param>
    public static async Task<Dictionary<string, string>> WaitAsync(VimClient client, ManagedObjectReference vm, TimeSpan timeout, Action<TimeSpan> onSecond, CancellationToken cancellationToken)
    {
        await using var collector = await PrivateCollector.CreateAsync(client, vm, "VirtualMachine", Paths, cancellationToken);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while ((!values.TryGetValue("guest.ipAddress", out var ip) || ip.Length == 0) && started.Elapsed < timeout)
        {
            // One second per wait, so that progress reaches the caller each second.
            foreach (var (name, value) in await collector.WaitAsync(1, cancellationToken))
            {
                values[name] = value?.Value ?? string.Empty;
            }

            onSecond(started.Elapsed);
        }

        return values;
    }
}
