namespace VmwareMcp.Host.Configuration;

/// <summary>Bad configuration: the host prints <see cref="Exception.Message"/> as one line and exits with code 2.</summary>
public sealed class ConfigurationException(string message) : Exception(message)
{
    /// <summary>The process exit code for configuration errors.</summary>
    public const int ExitCode = 2;
}
