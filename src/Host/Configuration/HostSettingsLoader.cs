using Serilog.Events;
using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Host.Configuration;

/// <summary>Builds <see cref="HostSettings"/> from the <c>--config</c> file and the environment.</summary>
/// <remarks>Throws <see cref="ConfigurationException"/> at the first problem, with a one-line message.</remarks>
internal static class HostSettingsLoader
{
    public const string DefaultTargetName = "default";

    /// <summary>systemd's <c>StateDirectory=</c>, as the service sees it (the first, when it names several).</summary>
    private static string? ServiceStateDirectory(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("STATE_DIRECTORY", out var directories) && directories.Split(':')[0] is { Length: > 0 } first && Path.IsPathRooted(first)
            ? first
            : null;

    public static (HostSettings Settings, FlatSettings Flat) Load(string? configFile, IReadOnlyDictionary<string, string> environment, string baseDirectory)
    {
        var flat = configFile is null ? new FlatSettings { Origin = "environment" } : SettingsFileReader.Read(configFile);
        EnvironmentOverrides.Apply(flat, environment);
        var reader = new SettingReader(flat);

        var configDirectory = configFile is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(configFile))!;
        var listenUrl = ParseListenUrl(reader);
        var allowPlainHttp = reader.Bool("allow_plain_http", false);
        if (listenUrl.Scheme == Uri.UriSchemeHttp && !allowPlainHttp)
        {
            throw reader.Error("listen_url", $"'{listenUrl}' is plain http; use https, or set allow_plain_http: true to accept unencrypted traffic");
        }

        var accessToken = reader.String("access_token");
        var allowAnonymous = reader.Bool("allow_anonymous", false);
        var tokens = TokenGrants.Read(reader, accessToken);
        var oauth = Security.OAuth.OAuthOptions.Read(reader);
        if (tokens.Count == 0 && !allowAnonymous && oauth is null)
        {
            throw reader.Error("access_token", "missing: set access_token (or MCP_AUTH_TOKEN), tokens: or oauth:, or allow_anonymous: true to serve without authentication");
        }

        var dataPath = Resolve(reader.String("data_path"), configDirectory) ?? ServiceStateDirectory(environment) ?? configDirectory;
        var globalReadOnly = reader.Bool("read_only", false);

        var settings = new HostSettings
        {
            ConfigFile = configFile,
            ListenUrl = listenUrl,
            AllowPlainHttp = allowPlainHttp,
            PluginsPath = Resolve(reader.String("plugins_path"), configDirectory) ?? Path.Combine(baseDirectory, "plugins"),
            PluginsWatch = reader.Bool("plugins_watch", true),
            DataPath = dataPath,
            AccessToken = accessToken,
            Tokens = tokens,
            AuditLog = Resolve(reader.String("audit_log"), configDirectory),
            RateLimitPerMinute = reader.Int("rate_limit_per_minute", 600, 1, 1_000_000),
            RequestTimeout = TimeSpan.FromSeconds(reader.Int("request_timeout_seconds", 60, 1, 3600)),
            AllowAnonymous = allowAnonymous,
            TlsCertificate = Resolve(reader.String("tls_certificate"), configDirectory),
            TlsKey = Resolve(reader.String("tls_key"), configDirectory),
            TlsPfx = Resolve(reader.String("tls_pfx"), configDirectory),
            TlsPfxPassword = reader.String("tls_pfx_password"),
            LoggingOutput = Resolve(reader.String("logging_output"), configDirectory),
            LoggingLevel = ParseLevel(reader),
            LogFileMaxBytes = reader.Int("logging_max_file_mb", 64, 1, 100_000) * 1024L * 1024L,
            LogFilesKept = reader.Int("logging_retained_files", 10, 1, 1000),
            LogRollInterval = ParseRollInterval(reader),
            Policies = Policies.PolicyRulesReader.Read(reader),
            LogToJournal = environment.ContainsKey("JOURNAL_STREAM"),
            OAuth = oauth,
            LogAsJson = reader.String("logging_format")?.ToLowerInvariant() switch
            {
                null or "text" => false,
                "json" => true,
                var other => throw reader.Error("logging_format", $"expected text or json, found '{other}'"),
            },
            SessionTokenLifetime = TimeSpan.FromSeconds(reader.Int("session_token_lifetime_seconds", 3600, 1, 7 * 24 * 3600)),
            Targets = ReadTargets(reader, flat, globalReadOnly),
            Warnings = UnknownKeys(flat),
            Webhooks = ReadWebhooks(reader),
            WebhookQueueSize = reader.Int("webhook_queue_size", 1000, 1, 1_000_000),
        };

        if (settings.TlsCertificate is not null && settings.TlsKey is null)
        {
            throw reader.Error("tls_key", "missing: tls_certificate needs the PEM private key in tls_key");
        }

        return (settings, flat);
    }

    private static Serilog.RollingInterval ParseRollInterval(SettingReader reader) =>
        reader.String("logging_roll_interval")?.ToLowerInvariant() switch
        {
            null or "none" => Serilog.RollingInterval.Infinite,
            "hour" => Serilog.RollingInterval.Hour,
            "day" => Serilog.RollingInterval.Day,
            var other => throw reader.Error("logging_roll_interval", $"expected none, hour or day, found '{other}'"),
        };

    private static Uri ParseListenUrl(SettingReader reader)
    {
        var text = reader.String("listen_url") ?? "https://127.0.0.1:8443";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw reader.Error("listen_url", $"expected a URL such as https://127.0.0.1:8443, found '{text}'");
        }

        return uri;
    }

    private static LogEventLevel ParseLevel(SettingReader reader)
    {
        var text = reader.String("logging_severity") ?? "INFO";
        return text.ToUpperInvariant() switch
        {
            "VERBOSE" or "TRACE" => LogEventLevel.Verbose,
            "DEBUG" => LogEventLevel.Debug,
            "INFO" or "INFORMATION" => LogEventLevel.Information,
            "WARNING" or "WARN" => LogEventLevel.Warning,
            "ERROR" => LogEventLevel.Error,
            "CRITICAL" or "FATAL" => LogEventLevel.Fatal,
            _ => throw reader.Error("logging_severity", $"expected DEBUG, INFO, WARNING, ERROR or CRITICAL, found '{text}'"),
        };
    }

    private static List<TargetOptions> ReadTargets(SettingReader reader, FlatSettings flat, bool globalReadOnly)
    {
        var targets = new List<TargetOptions>();
        if (SettingKeys.Target.Any(k => reader.Has(k)))
        {
            targets.Add(ReadTarget(reader, prefix: string.Empty, DefaultTargetName, globalReadOnly));
        }

        if (reader.Has("targets") && !flat.Containers.Contains("targets"))
        {
            if (reader.String("targets") is not null)
            {
                throw reader.Error("targets", "expected a list of targets, each with name and vcenter_endpoint");
            }
        }

        for (var i = 0; reader.Has($"targets:{i}"); i++)
        {
            var prefix = $"targets:{i}:";
            var name = reader.RequiredString(prefix + "name", "every target needs a name");
            targets.Add(ReadTarget(reader, prefix, name, globalReadOnly || reader.Bool(prefix + "read_only", false)));
        }

        if (targets.Count == 0)
        {
            throw reader.Error("vcenter_endpoint", "missing, and it is mandatory: set vcenter_endpoint (or VCENTER_ADDRESS), or list targets:");
        }

        var duplicate = targets.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw reader.Error("targets", $"the target name '{duplicate.Key}' is used twice; names must be unique (the flat keys are the target '{DefaultTargetName}')");
        }

        return targets;
    }

    private static TargetOptions ReadTarget(SettingReader reader, string prefix, string name, bool readOnly)
    {
        var endpointKey = prefix + "vcenter_endpoint";
        var endpointText = reader.RequiredString(endpointKey, "the vCenter or ESXi address, as host, host:port or URL");
        var kind = reader.String(prefix + "kind")?.ToLowerInvariant();
        // Any plugin may serve a kind, so only its spelling is checked here; an unserved kind is reported per target.
        if (kind is not null && !System.Text.RegularExpressions.Regex.IsMatch(kind, "^[a-z0-9][a-z0-9._-]{0,63}$"))
        {
            throw reader.Error(prefix + "kind", $"expected a provider kind such as vcenter or esxi (or leave it out to detect), found '{kind}'");
        }

        return new TargetOptions
        {
            Name = name,
            Endpoint = EndpointUrl.Parse(endpointText) ?? throw reader.Error(endpointKey, $"expected host, host:port or https URL, found '{endpointText}'"),
            User = reader.RequiredString(prefix + "login_credential", "the user to log in as"),
            Password = reader.RequiredString(prefix + "secret_key", "the password for login_credential"),
            Kind = kind,
            Datacenter = reader.String(prefix + "resource_datacenter"),
            Cluster = reader.String(prefix + "resource_compute_pool"),
            Datastore = reader.String(prefix + "resource_storage"),
            Network = reader.String(prefix + "default_port_group") ?? "VM Network",
            VerifySsl = VerifySsl(reader, prefix),
            SslThumbprint = reader.String(prefix + "ssl_thumbprint"),
            OperationTimeout = TimeSpan.FromSeconds(reader.Int(prefix + "operation_timeout_seconds", 600, 1, 86400)),
            ReadOnly = readOnly,
            MaxConcurrentCalls = reader.Int(prefix + "max_concurrent_calls", 16, 1, 1024),
            InventoryCache = reader.Bool(prefix + "inventory_cache", true),
        };
    }

    /// <summary>
    /// <c>verify_ssl_cert</c>, or the original's <c>insecure</c> (its opposite: <c>insecure: true</c> means do not
    /// verify); both given and contradicting each other is an error naming both.
    /// </summary>
    private static bool VerifySsl(SettingReader reader, string prefix)
    {
        var verify = reader.Has(prefix + "verify_ssl_cert") ? reader.Bool(prefix + "verify_ssl_cert", false) : (bool?)null;
        var insecure = reader.Has(prefix + "insecure") ? reader.Bool(prefix + "insecure", false) : (bool?)null;
        if (verify is not null && insecure is not null && verify == insecure)
        {
            throw reader.Error(prefix + "insecure", $"insecure: {insecure.Value.ToString().ToLowerInvariant()} contradicts verify_ssl_cert: {verify.Value.ToString().ToLowerInvariant()}; keep one of them");
        }

        return verify ?? (insecure is { } skip ? !skip : false);
    }

    /// <summary><c>webhooks:</c> as a list of URLs, or of mappings with <c>url</c>.</summary>
    private static List<Uri> ReadWebhooks(SettingReader reader)
    {
        var webhooks = new List<Uri>();
        for (var i = 0; reader.Has($"webhooks:{i}"); i++)
        {
            var key = reader.Has($"webhooks:{i}:url") ? $"webhooks:{i}:url" : $"webhooks:{i}";
            var text = reader.RequiredString(key, "each webhook is a URL, such as https://hooks.example/vmware");
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw reader.Error(key, $"expected an http or https URL, found '{text}'");
            }

            webhooks.Add(url);
        }

        return webhooks;
    }

    private static List<UnknownKey> UnknownKeys(FlatSettings flat)
    {
        var warnings = new List<UnknownKey>();
        var known = SettingKeys.Host.Concat(SettingKeys.Target).ToArray();
        var targetKnown = SettingKeys.Target.Append("name").ToArray();
        foreach (var key in flat.Values.Keys.Concat(flat.Containers))
        {
            var parts = key.Split(':');
            if (parts[0].Equals("plugins", StringComparison.OrdinalIgnoreCase))
            {
                continue; // Plugins validate their own sections.
            }

            if (parts[0].Equals("tokens", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("webhooks", StringComparison.OrdinalIgnoreCase))
            {
                continue; // TokenGrants checks its own keys.
            }

            if (parts[0].Equals("targets", StringComparison.OrdinalIgnoreCase) && parts.Length == 3)
            {
                if (!targetKnown.Contains(parts[2], StringComparer.OrdinalIgnoreCase))
                {
                    warnings.Add(new UnknownKey(key, $"{flat.Origin}: unknown key '{key}'; did you mean '{SettingKeys.Closest(parts[2], targetKnown)}'?"));
                }
            }
            else if (parts.Length == 1 && !known.Contains(parts[0], StringComparer.OrdinalIgnoreCase))
            {
                warnings.Add(new UnknownKey(key, $"{flat.Origin}: unknown key '{key}'; did you mean '{SettingKeys.Closest(parts[0], known)}'?"));
            }
        }

        return warnings;
    }

    private static string? Resolve(string? path, string directory) =>
        path is null ? null : Path.GetFullPath(path, directory);
}
