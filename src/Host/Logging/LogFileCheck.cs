using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Logging;

/// <summary>Refuses, at start, a log file that cannot be written: a host that logs nowhere must not look healthy.</summary>
internal static class LogFileCheck
{
    /// <exception cref="ConfigurationException">Naming <c>logging_output</c> and the path.</exception>
    public static void CheckWritable(HostSettings settings, string configFile)
    {
        if (settings.LoggingOutput is not { } path)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var probe = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException($"{configFile}: logging_output: '{path}' cannot be written ({ex.Message}); fix the path or leave the key out to log to standard output");
        }
    }
}
