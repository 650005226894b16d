using Serilog.Core;

namespace VmwareMcp.Host.Startup;

/// <summary>How to start the host: from the command line, or from a test.</summary>
public sealed record HostStartOptions
{
    /// <summary>The <c>--config</c> file, or null for environment-only configuration.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Serve MCP over stdin/stdout instead of HTTP.</summary>
    public bool Stdio { get; init; }

    /// <summary>The environment variables to read the original's overrides from.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = ReadProcessEnvironment();

    /// <summary>Where the default <c>plugins/</c> folder is looked for.</summary>
    public string BaseDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>An additional log sink (tests read every line through it).</summary>
    public ILogEventSink? LogSink { get; init; }

    /// <summary>Last-word service changes (tests swap <see cref="TimeProvider"/>).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    private static Dictionary<string, string> ReadProcessEnvironment() =>
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
}
