using System.Diagnostics;

namespace VmwareMcp.Tests.Harness;

/// <summary>
/// Builds tests/simulator (a Go main over govmomi's simulator package, from Debian's packages) once per
/// test run. A missing toolchain fails the tests, never skips them: without vcsim they prove nothing.
/// </summary>
public static class SimulatorBinary
{
    private static readonly Lazy<Task<string>> Build = new(BuildAsync);

    public static Task<string> PathAsync() => Build.Value;

    private static async Task<string> BuildAsync()
    {
        var source = Path.Combine(RepositoryPaths.Root, "tests", "simulator");
        var output = Path.Combine(RepositoryPaths.Root, "artifacts", "vcsim", "vcsim-harness");
        if (File.Exists(output) && File.GetLastWriteTimeUtc(output) > File.GetLastWriteTimeUtc(Path.Combine(source, "main.go")))
        {
            return output;
        }

        const string gocode = "/usr/share/gocode";
        if (!Directory.Exists(Path.Combine(gocode, "src", "github.com", "vmware", "govmomi", "simulator")))
        {
            throw new InvalidOperationException("govmomi's simulator is not installed: run scripts/bootstrap.sh (apt-get install golang-go golang-github-vmware-govmomi-dev)");
        }

        var gopath = Path.Combine(RepositoryPaths.Root, "artifacts", "gopath");
        Directory.CreateDirectory(gopath);
        var start = new ProcessStartInfo("go", ["build", "-o", output, "."])
        {
            WorkingDirectory = source,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["GOPATH"] = $"{gopath}:{gocode}";
        start.Environment["GO111MODULE"] = "off";
        start.Environment["GOCACHE"] = Path.Combine(RepositoryPaths.Root, "artifacts", "gocache");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start 'go': run scripts/bootstrap.sh");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException("building the simulator failed: " + await errors);
    }
}
