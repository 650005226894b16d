using System.Diagnostics;

namespace VmwareMcp.Tests.Harness;

/// <summary>Runs a program to its end and keeps what it printed.</summary>
public static class ProcessRun
{
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan within, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not end within {within}: {await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }
}
