using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Startup;

/// <summary>Parses <c>--config FILE</c>, <c>--stdio</c> and <c>--help</c>.</summary>
internal static class CommandLine
{
    public const string Usage = "usage: VmwareMcp.Host [--config settings.yml|settings.json] [--stdio]";

    /// <returns>The start options, or null when help was asked for.</returns>
    public static HostStartOptions? Parse(string[] args)
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
                    return null;
                default:
                    throw new ConfigurationException($"unknown argument '{args[i]}': {Usage}");
            }
        }

        return new HostStartOptions { ConfigFile = config, Stdio = stdio };
    }
}
