using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Host.Configuration;

/// <summary>The host's validated settings, read once at start from the config file and the environment.</summary>
public sealed class HostSettings
{
    /// <summary>The config file, or null when everything came from the environment.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>listen_url</c>: where Kestrel listens.</summary>
    public Uri ListenUrl { get; init; } = new("https://127.0.0.1:8443");

    /// <summary><c>plugins_path</c>: one subfolder per plugin.</summary>
    public required string PluginsPath { get; init; }

    /// <summary><c>plugins_watch</c>: load and unload plugin folders as they appear and disappear, without a restart.</summary>
    public bool PluginsWatch { get; init; } = true;

    /// <summary>
    /// <c>data_path</c>: where the host keeps its generated certificate, its audit log by default and its state
    /// database (<c>state.db</c>). Unset, it is the systemd service's state directory (<c>STATE_DIRECTORY</c>,
    /// /var/lib/vmwaremcp) when run as that service, else the configuration file's folder.
    /// </summary>
    public required string DataPath { get; init; }

    /// <summary><c>access_token</c>: the API key. Never log it.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Every accepted token: <c>tokens:</c> plus the original's <c>access_token</c> as an admin token.</summary>
    public IReadOnlyList<Security.TokenGrant> Tokens { get; init; } = [];

    /// <summary>
    /// <c>audit_log</c>: a JSON-lines file every audit record is also appended to, for log shippers (the log
    /// itself is in <c>state.db</c>); null when not configured. An older host's log there is imported once.
    /// </summary>
    public string? AuditLog { get; init; }

    /// <summary><c>rate_limit_per_minute</c>: requests one token may make per minute.</summary>
    public int RateLimitPerMinute { get; init; } = 600;

    /// <summary><c>allow_anonymous</c>: serve without any token (warned at every start).</summary>
    public bool AllowAnonymous { get; init; }

    /// <summary><c>allow_plain_http</c>: permit an <c>http://</c> <c>listen_url</c>.</summary>
    public bool AllowPlainHttp { get; init; }

    /// <summary><c>tls_certificate</c> + <c>tls_key</c>: PEM files.</summary>
    public string? TlsCertificate { get; init; }

    /// <summary><c>tls_key</c>: PEM private key for <see cref="TlsCertificate"/>.</summary>
    public string? TlsKey { get; init; }

    /// <summary><c>tls_pfx</c>: a PKCS#12 file, instead of PEM.</summary>
    public string? TlsPfx { get; init; }

    /// <summary><c>tls_pfx_password</c>: its password. Never log it.</summary>
    public string? TlsPfxPassword { get; init; }

    /// <summary><c>logging_output</c>: a log file; null logs to the console.</summary>
    public string? LoggingOutput { get; init; }

    /// <summary><c>request_timeout_seconds</c>: the one deadline of a read, REST or MCP (slot waits and vSphere calls together).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>logging_max_file_mb</c>: the log file rolls over to a numbered one past this size.</summary>
    public long LogFileMaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary><c>logging_retained_files</c>: how many log files are kept, the current one included.</summary>
    public int LogFilesKept { get; init; } = 10;

    /// <summary><c>logging_roll_interval</c>: none (the file keeps its configured name), hour or day (a date is added to the name).</summary>
    public Serilog.RollingInterval LogRollInterval { get; init; } = Serilog.RollingInterval.Infinite;

    /// <summary><c>oauth:</c>: JWT access tokens from this issuer are accepted beside the static tokens; null when not configured.</summary>
    public Security.OAuth.OAuthOptions? OAuth { get; init; }

    /// <summary>
    /// Console lines go to the systemd journal (<c>JOURNAL_STREAM</c> is set): each text line starts with its
    /// syslog priority (<c>&lt;6&gt;</c>) and carries no timestamp, which the journal adds.
    /// </summary>
    public bool LogToJournal { get; init; }

    /// <summary><c>logging_format</c>: <c>text</c> (one line per event, dated once) or <c>json</c> (Serilog's compact JSON, one object per line, for log shippers).</summary>
    public bool LogAsJson { get; init; }

    /// <summary><c>logging_severity</c>, as Serilog understands it.</summary>
    public Serilog.Events.LogEventLevel LoggingLevel { get; init; } = Serilog.Events.LogEventLevel.Information;

    /// <summary><c>session_token_lifetime_seconds</c>: how long a token from token_exchange lives.</summary>
    public TimeSpan SessionTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The configured targets: <c>targets:</c> plus the original's flat keys as <c>default</c>.</summary>
    public IReadOnlyList<TargetOptions> Targets { get; init; } = [];

    /// <summary>Unknown keys found, each with a suggestion; logged as warnings at start.</summary>
    public IReadOnlyList<UnknownKey> Warnings { get; init; } = [];

    /// <summary><c>protected_vms</c> (as a first deny rule) and <c>policies</c>, in order: the first that matches a call decides.</summary>
    public IReadOnlyList<Policies.PolicyRule> Policies { get; init; } = [];

    /// <summary><c>webhooks</c>: URLs that receive every new event of every target as a JSON POST.</summary>
    public IReadOnlyList<Uri> Webhooks { get; init; } = [];

    /// <summary><c>webhook_queue_size</c>: events held per webhook while it is slow or down; the oldest are dropped beyond it.</summary>
    public int WebhookQueueSize { get; init; } = 1000;
}
