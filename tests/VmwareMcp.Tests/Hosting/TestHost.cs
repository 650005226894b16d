using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using VmwareMcp.Host.Startup;
using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Hosting;

/// <summary>
/// The real host, in-process: real plugin folders through the real loader, Kestrel with TLS on a free
/// loopback port, settings from a real config file; every log line captured.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string Token = "test-api-key-Zq81xv";

    private readonly WebApplication _app;

    private TestHost(WebApplication app, string directory, LogCapture logs, Uri baseUrl)
    {
        _app = app;
        Directory = directory;
        Logs = logs;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Directory { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A settings.yml body for one simulator target plus the test token, TLS on a free port.</summary>
    public static string SettingsFor(Simulator? simulator, string extra = "") =>
        $"""
        vcenter_endpoint: "{simulator?.Url.ToString() ?? "https://127.0.0.1:9/sdk"}"
        login_credential: "{Simulator.User}"
        secret_key: "{Simulator.Password}"
        verify_ssl_cert: false
        access_token: "{Token}"
        listen_url: "https://127.0.0.1:0"
        logging_severity: DEBUG
        {(extra.Contains("rate_limit_per_minute", StringComparison.Ordinal) ? string.Empty : "rate_limit_per_minute: 1000000")}
        {(extra.Contains("plugins_watch", StringComparison.Ordinal) ? string.Empty : "plugins_watch: false")}
        {extra}
        """;

    /// <summary>Settings for <paramref name="simulator"/> reached through <paramref name="proxy"/>, so a test can count the calls.</summary>
    public static string SettingsVia(Simulator simulator, SoapCountingProxy proxy, string extra = "") =>
        SettingsFor(simulator, extra).Replace(simulator.Url.ToString(), proxy.Url.ToString(), StringComparison.Ordinal);

    /// <summary>Settings with one target served by a provider plugin's <paramref name="kind"/> (no simulator), the watcher off.</summary>
    public static string SettingsForPluginTarget(string name, string kind) =>
        SettingsFor(null, $"""
            plugins_watch: false
            targets:
              - name: {name}
                kind: {kind}
                vcenter_endpoint: "https://{name}.invalid"
                login_credential: "unused"
                secret_key: "unused"
            """);

    /// <summary>Starts a host from <paramref name="settingsYaml"/> in a fresh folder.</summary>
    public static async Task<TestHost> StartAsync(string settingsYaml, string? pluginsPath = null, Action<IServiceCollection>? configureServices = null, string? directory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("vmwaremcp-test-").FullName;
        var config = await WriteSettingsAsync(settingsYaml, directory, pluginsPath);
        var logs = new LogCapture();
        var app = VmwareMcpHost.Build(new HostStartOptions
        {
            ConfigFile = config,
            Environment = environment ?? new Dictionary<string, string>(),
            BaseDirectory = AppContext.BaseDirectory,
            LogSink = logs,
            ConfigureServices = configureServices,
        });
        await app.StartAsync();
        return new TestHost(app, directory, logs, ServerAddress.Of(app));
    }

    /// <summary>
    /// Writes <paramref name="settingsYaml"/> as <c>settings.yml</c> in <paramref name="directory"/> with the built
    /// plugins and a log file there, for a host in this process or in another (<c>--stdio</c>, or one to kill).
    /// </summary>
    /// <returns>The settings file's path.</returns>
    public static async Task<string> WriteSettingsAsync(string settingsYaml, string? directory = null, string? pluginsPath = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("vmwaremcp-process-").FullName;
        var config = Path.Combine(directory, "settings.yml");
        await File.WriteAllTextAsync(config, settingsYaml + $"\nplugins_path: \"{pluginsPath ?? RepositoryPaths.BuiltPlugins}\"\nlogging_output: \"{Path.Combine(directory, "host.log")}\"\n");
        return config;
    }

    /// <summary>The SHA-256 fingerprint of the certificate the host serves.</summary>
    public string? ServedCertificateFingerprint { get; private set; }

    /// <summary>An HttpClient that trusts only this host's certificate, with or without the token.</summary>
    public HttpClient CreateClient(string? token = Token)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                ServedCertificateFingerprint = certificate is null ? null : Convert.ToHexString(SHA256.HashData(certificate.RawData));
                return certificate is not null;
            },
        };
        var client = new HttpClient(handler) { BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A real MCP client over Streamable HTTP (<c>/mcp</c>) or SSE (<c>/mcp/sse</c>).</summary>
    public async Task<McpClient> ConnectMcpAsync(HttpTransportMode mode, string? token = Token, McpClientOptions? options = null)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = new Uri(BaseUrl, mode == HttpTransportMode.Sse ? "/mcp/sse" : "/mcp"),
                TransportMode = mode,
                AdditionalHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
            },
            CreateClient(token: null),
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        // Whatever a test did, the host must never have logged a credential.
        Logs.AssertContainsNone(Token, Simulator.Password);
    }
}
