using System.Diagnostics;
using System.Text.Json;

namespace VmwareMcp.Tests.Harness;

/// <summary>One running vcsim (vCenter or ESXi model) on a free loopback port, stopped on dispose.</summary>
public sealed class Simulator : IAsyncDisposable
{
    public const string User = "vcsim-user";
    public const string Password = "vcsim-S3cret!pass";

    private readonly Process _process;

    private Simulator(Process process, Uri url, string? thumbprint)
    {
        _process = process;
        Url = url;
        Thumbprint = thumbprint;
    }

    /// <summary>The SDK URL, for example https://127.0.0.1:40123/sdk.</summary>
    public Uri Url { get; }

    /// <summary>SHA-256 fingerprint of its self-signed certificate.</summary>
    public string? Thumbprint { get; }

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

        _process.Dispose();
    }
}
