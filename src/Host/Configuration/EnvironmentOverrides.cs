namespace VmwareMcp.Host.Configuration;

/// <summary>The original's environment variable names, which override the file's flat keys.</summary>
internal static class EnvironmentOverrides
{
    /// <summary>Environment variable → configuration key, in the original's table order, then ours.</summary>
    public static readonly IReadOnlyList<(string Variable, string Key)> Map =
    [
        ("VCENTER_ADDRESS", "vcenter_endpoint"),
        ("VCENTER_USER", "login_credential"),
        ("VCENTER_SECRET", "secret_key"),
        ("VCENTER_DC", "resource_datacenter"),
        ("VCENTER_CLUSTER", "resource_compute_pool"),
        ("VCENTER_DATASTORE", "resource_storage"),
        ("VCENTER_NETWORK_LABEL", "default_port_group"),
        ("INSECURE_SKIP_SSL", "verify_ssl_cert"),
        ("MCP_AUTH_TOKEN", "access_token"),
        ("MCP_LOG_PATH", "logging_output"),
        ("MCP_VERBOSITY", "logging_severity"),
        ("MCP_LISTEN_URL", "listen_url"),
        ("MCP_PLUGINS_PATH", "plugins_path"),
        ("MCP_DATA_PATH", "data_path"),
        ("MCP_PLUGINS_WATCH", "plugins_watch"),
    ];

    /// <summary>Applies every variable that is set onto <paramref name="settings"/>.</summary>
    /// <param name="settings">The file's settings, changed in place.</param>
    /// <param name="environment">The environment to read, e.g. <see cref="Environment.GetEnvironmentVariables()"/>.</param>
    public static void Apply(FlatSettings settings, IReadOnlyDictionary<string, string> environment)
    {
        foreach (var (variable, key) in Map)
        {
            if (!environment.TryGetValue(variable, out var value))
            {
                continue;
            }

            // INSECURE_SKIP_SSL says the opposite of verify_ssl_cert: true means "do not verify".
            settings.Values[key] = variable == "INSECURE_SKIP_SSL" ? Invert(value) : value;
            settings.Containers.Remove(key);
        }
    }

    private static string Invert(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => "false",
        "false" or "0" or "no" or "off" => "true",
        _ => value,
    };
}
