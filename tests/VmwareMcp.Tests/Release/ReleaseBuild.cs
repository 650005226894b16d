using System.Formats.Tar;
using System.IO.Compression;
using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Release;

/// <summary>
/// The release as scripts/release.sh made it, unpacked, and a simulator for the unpacked host to serve.
/// The test script builds the release before the tests (so no test publishes while others run); run alone,
/// the fixture builds it here.
/// </summary>
public sealed class ReleaseBuild : IAsyncLifetime
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "artifacts", "release");

    public Simulator Simulator { get; private set; } = null!;

    public string Version { get; } = System.Text.RegularExpressions.Regex.Match(
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

    /// <summary>The self-contained build, unpacked.</summary>
    public string SelfContained { get; private set; } = null!;

    /// <summary>The framework-dependent build, unpacked.</summary>
    public string FrameworkDependent { get; private set; } = null!;

    public string SelfContainedTarball => Path.Combine(Folder, $"vmwaremcp-{Version}-linux-x64.tar.gz");

    public string FrameworkDependentTarball => Path.Combine(Folder, $"vmwaremcp-{Version}.tar.gz");

    public async Task InitializeAsync()
    {
        if (!File.Exists(SelfContainedTarball) || !File.Exists(FrameworkDependentTarball))
        {
            var (exit, output, errors) = await ProcessRun.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "release.sh"), Folder], TimeSpan.FromMinutes(10));
            Assert.True(exit == 0, $"scripts/release.sh failed: {output}{errors}");
        }

        var unpacked = Directory.CreateTempSubdirectory("vmwaremcp-release-").FullName;
        SelfContained = await UnpackAsync(SelfContainedTarball, Path.Combine(unpacked, "self-contained"));
        FrameworkDependent = await UnpackAsync(FrameworkDependentTarball, Path.Combine(unpacked, "framework"));
        Simulator = await Simulator.StartAsync([]);
    }

    private async Task<string> UnpackAsync(string tarball, string into)
    {
        Directory.CreateDirectory(into);
        await using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
        {
            await TarFile.ExtractToDirectoryAsync(gzip, into, overwriteFiles: false);
        }

        return Path.Combine(into, $"vmwaremcp-{Version}");
    }

    public async Task DisposeAsync() => await Simulator.DisposeAsync();
}
