using System.Reflection;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Startup;

/// <summary>Parses <c>--config FILE</c>, <c>--stdio</c>, <c>--help</c> and <c>--version</c>.</summary>
internal static class CommandLine
{
    /// <summary>The environment variable naming the configuration file when <c>--config</c> is not given.</summary>
    public const string ConfigVariable = "VMWAREMCP_CONFIG";

    public const string Usage = "usage: VmwareMcp.Host [--config FILE] [--stdio] | --help | --version";

    public static string Help => $"""
        {Usage}

        Serves VMware vCenter and standalone ESXi hosts to MCP clients and REST programs.

        Options:
          -c, --config FILE   the settings file: YAML (.yml, .yaml) or JSON (.json)
              --stdio         serve MCP over standard input and output (logs go to standard error) instead of HTTP
          -h, --help          print this help and exit
          -v, --version       print the version (host, contract, MCP SDK, .NET) and exit

        Configuration, in this order (later wins):
          1. the file named by --config, else by ${ConfigVariable}; without either, only the environment
          2. the environment overrides of the original Python vmware-mcp-controller (VCENTER_ADDRESS,
             VCENTER_USER, VCENTER_SECRET, MCP_AUTH_TOKEN, MCP_LISTEN_URL, MCP_DATA_PATH, ...; see the README)

        Traces and metrics: OpenTelemetry over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OTEL_* variables).

        Exit codes:
          0   stopped normally (or --help, --version)
          1   an unexpected failure (the log says which)
          2   the configuration or the command line is wrong: the message names the file, key and value
        """;

    /// <summary>The host's own version, without the commit.</summary>
    public static string HostVersion => Of(typeof(CommandLine).Assembly);

    /// <summary>Host, contract, MCP SDK and runtime versions, one line.</summary>
    public static string Version =>
        $"VmwareMcp.Host {HostVersion} (contract {Abstractions.ContractVersion.Current}, "
        + $"MCP SDK {Of(typeof(ModelContextProtocol.Server.McpServer).Assembly)}, .NET {Environment.Version})";

    private static string Of(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "?";

    /// <returns>What to do: run with the start options, or print help or the version.</returns>
    public static (CommandLineAction Action, HostStartOptions? Options) Parse(string[] args)
    {
        string? config = null;
        var stdio = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--config" or "-c" when i + 1 < args.Length:
                    config = args[++i];
                    break;
                case "--config" or "-c":
                    throw new ConfigurationException("--config needs a file name: " + Usage);
                case "--stdio":
                    stdio = true;
                    break;
                case "--help" or "-h":
                    return (CommandLineAction.Help, null);
                case "--version" or "-v":
                    return (CommandLineAction.Version, null);
                default:
                    throw new ConfigurationException($"unknown argument '{args[i]}': {Usage} (--help lists every option)");
            }
        }

        var options = new HostStartOptions { Stdio = stdio };
        if (config is null && options.Environment.TryGetValue(ConfigVariable, out var named) && !string.IsNullOrWhiteSpace(named))
        {
            config = named;
        }

        return (CommandLineAction.Run, options with { ConfigFile = config });
    }
}

/// <summary>What the command line asks for.</summary>
internal enum CommandLineAction
{
    Run,
    Help,
    Version,
}
