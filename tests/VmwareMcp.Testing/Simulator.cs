using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace VmwareMcp.Tests.Harness;

/// <summary>One running vcsim (vCenter or ESXi model) on a free loopback port, stopped on dispose.</summary>
public sealed class Simulator : IAsyncDisposable
{
    public const string User = "vcsim-user";
    public const string Password = "vcsim-S3cret!pass";

    /// <summary>How much of vcsim's own log is kept for a failing test to show.</summary>
    private const int KeptLogChars = 64 * 1024;

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Task _drained;

    private Simulator(Process process, Uri url, string? thumbprint)
    {
        _process = process;
        Url = url;
        Thumbprint = thumbprint;
        // vcsim logs every property update it sends ("applying 1 updates to 1 filters"). A pipe nobody reads
        // fills at 64 KiB and then blocks vcsim's logger and every call that logs: the simulator hangs.
        _drained = Task.WhenAll(KeepAsync(process.StandardError), KeepAsync(process.StandardOutput));
    }

    /// <summary>The SDK URL, for example https://127.0.0.1:40123/sdk.</summary>
    public Uri Url { get; }

    /// <summary>SHA-256 fingerprint of its self-signed certificate.</summary>
    public string? Thumbprint { get; }

    /// <summary>The newest part of vcsim's log (its stderr and stdout), for diagnosing a failure.</summary>
    public string RecentLog
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a simulator with harness flags such as <c>-mode esx</c> or <c>-vm 1000</c>.</summary>
    public static async Task<Simulator> StartAsync(params string[] flags)
    {
        var binary = await SimulatorBinary.PathAsync();
        var start = new ProcessStartInfo(binary, ["-user", User, "-pass", Password, .. flags])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (line is null)
        {
            throw new InvalidOperationException("the simulator exited: " + await process.StandardError.ReadToEndAsync());
        }

        using var info = JsonDocument.Parse(line);
        var thumbprint = info.RootElement.TryGetProperty("thumbprint", out var t) ? t.GetString() : null;
        return new Simulator(process, new Uri(info.RootElement.GetProperty("url").GetString()!), thumbprint);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close(); // The harness exits when stdin closes.
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _drained.WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private async Task KeepAsync(StreamReader stream)
    {
        while (await stream.ReadLineAsync() is { } line)
        {
            lock (_log)
            {
                _log.AppendLine(line);
                if (_log.Length > 2 * KeptLogChars)
                {
                    _log.Remove(0, _log.Length - KeptLogChars);
                }
            }
        }
    }
}
