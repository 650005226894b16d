using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Guest;

/// <summary>
/// Follows a VM's guest properties through a private property collector (CreateFilter + WaitForUpdatesEx)
/// until it reports an IP address or the time is up: no polling of the whole VM.
/// </summary>
internal static class GuestWatch
{
    private static readonly string[] Paths = ["guest.ipAddress", "guest.hostName", "guest.toolsRunningStatus"];

    /// <summary>The guest's properties when it reports an IP, or as they were when <paramref name="timeout"/> passed.</summary>
    /// <param name="onSecond">Called with the time waited so far, about each second.</param>
    public static async Task<Dictionary<string, string>> WaitAsync(VimClient client, ManagedObjectReference vm, TimeSpan timeout, Action<TimeSpan> onSecond, CancellationToken cancellationToken)
    {
        var content = await client.GetServiceContentAsync(cancellationToken);
        var collector = (await client.InvokeAsync("CreatePropertyCollector", content.PropertyCollector, null, cancellationToken)).Select(Vim.Ref).Single()!.Value;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await client.InvokeAsync("CreateFilter", collector, w => w
                .Element("spec", null, spec => spec
                    .Element("propSet", null, p =>
                    {
                        p.Text("type", "VirtualMachine");
                        foreach (var path in Paths)
                        {
                            p.Text("pathSet", path);
                        }
                    })
                    .Element("objectSet", null, o => o.Ref("obj", vm).Bool("skip", false)))
                .Bool("partialUpdates", false), cancellationToken);
            var version = string.Empty;
            while (!values.TryGetValue("guest.ipAddress", out var ip) || ip.Length == 0)
            {
                var left = timeout - started.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                // One second at most per wait, so that progress reaches the caller each second.
                var updates = await client.InvokeAsync("WaitForUpdatesEx", collector, w => w
                    .Text("version", version)
                    .Element("options", null, o => o.Number("maxWaitSeconds", (long)Math.Max(1, Math.Min(1, left.TotalSeconds)))), cancellationToken);
                onSecond(started.Elapsed);
                if (updates.FirstOrDefault() is not { } set)
                {
                    continue;
                }

                version = Vim.Text(set, "version") ?? version;
                foreach (var change in set.Descendants(VimNamespaces.V + "changeSet"))
                {
                    values[Vim.Text(change, "name") ?? string.Empty] = change.Element(VimNamespaces.V + "val")?.Value ?? string.Empty;
                }
            }

            return values;
        }
        finally
        {
            try
            {
                await client.InvokeAsync("DestroyPropertyCollector", collector, null, CancellationToken.None);
            }
            catch (Abstractions.Errors.HypervisorException)
            {
                // The collector dies with the session anyway.
            }
        }
    }
}
