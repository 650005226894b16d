namespace VmwareMcp.Host.Configuration;

/// <summary>Every key the host understands, for validation and "did you mean" suggestions.</summary>
internal static class SettingKeys
{
    /// <summary>Keys a target has, flat (the <c>default</c> target) or under <c>targets:N:</c>.</summary>
    public static readonly string[] Target =
    [
        "vcenter_endpoint", "login_credential", "secret_key", "resource_datacenter", "resource_compute_pool",
        "resource_storage", "default_port_group", "verify_ssl_cert", "insecure", "ssl_thumbprint", "kind", "operation_timeout_seconds",
        "read_only", "max_concurrent_calls", "inventory_cache",
    ];

    /// <summary>Keys of the host itself.</summary>
    public static readonly string[] Host =
    [
        "access_token", "logging_output", "logging_severity", "logging_max_file_mb", "logging_retained_files", "logging_roll_interval", "logging_format", "policies", "protected_vms", "listen_url", "plugins_path", "plugins_watch", "data_path", "targets",
        "allow_anonymous", "allow_plain_http", "tls_certificate", "tls_key", "tls_pfx", "tls_pfx_password",
        "session_token_lifetime_seconds", "plugins", "tokens", "audit_log", "rate_limit_per_minute", "request_timeout_seconds", "webhooks", "webhook_queue_size", "oauth",
    ];

    /// <summary>The closest known key to <paramref name="unknown"/> by edit distance.</summary>
    public static string Closest(string unknown, IEnumerable<string> known) =>
        known.MinBy(k => Distance(unknown.ToLowerInvariant(), k)) ?? string.Empty;

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
