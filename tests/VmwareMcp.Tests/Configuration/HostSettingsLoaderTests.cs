using Serilog.Events;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Host.Startup;

namespace VmwareMcp.Tests.Configuration;

public sealed class HostSettingsLoaderTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private static HostSettings Load(string path, IReadOnlyDictionary<string, string>? environment = null) =>
        HostSettingsLoader.Load(path, environment ?? NoEnvironment, "/opt/vmwaremcp").Settings;

    private static string ErrorOf(string fileName, string content) =>
        Assert.Throws<ConfigurationException>(() => Load(SettingsFiles.Write(fileName, content))).Message;

    [Fact]
    public void The_seed_settings_yml_gives_every_seed_key()
    {
        var settings = Load(SettingsFiles.Write("settings.yml", SettingsFiles.SeedYaml));
        var target = Assert.Single(settings.Targets);

        Assert.Equal("default", target.Name);
        Assert.Equal(new Uri("https://192.168.1.100/sdk"), target.Endpoint);
        Assert.Equal("svc_account@domain", target.User);
        Assert.Equal("super-secret-password", target.Password);
        Assert.Equal("DC01", target.Datacenter);
        Assert.Equal("ComputeClusterA", target.Cluster);
        Assert.Equal("FastStorage01", target.Datastore);
        Assert.Equal("VM Traffic", target.Network);
        Assert.False(target.VerifySsl);
        Assert.Equal("secure-app-token-123", settings.AccessToken);
        Assert.Equal("/var/log/vmware_mgmt.log", settings.LoggingOutput);
        Assert.Equal(LogEventLevel.Information, settings.LoggingLevel);
    }

    [Fact]
    public void Yaml_and_json_with_the_same_keys_give_the_same_settings()
    {
        var yaml = Load(SettingsFiles.Write("settings.yml", SettingsFiles.SeedYaml));
        var json = Load(SettingsFiles.Write("settings.json", SettingsFiles.SeedJson));

        Assert.Equivalent(yaml.Targets, json.Targets, strict: true);
        Assert.Equal(yaml.AccessToken, json.AccessToken);
        Assert.Equal(yaml.LoggingLevel, json.LoggingLevel);
        Assert.Equal(yaml.LoggingOutput, json.LoggingOutput);
        Assert.Equal(yaml.ListenUrl, json.ListenUrl);
    }

    [Theory]
    [InlineData("VCENTER_ADDRESS", "vc.example.com")]
    [InlineData("VCENTER_USER", "admin@vsphere.local")]
    [InlineData("VCENTER_SECRET", "from-env")]
    [InlineData("VCENTER_DC", "DC-Env")]
    [InlineData("VCENTER_CLUSTER", "Cluster-Env")]
    [InlineData("VCENTER_DATASTORE", "DS-Env")]
    [InlineData("VCENTER_NETWORK_LABEL", "Net-Env")]
    [InlineData("MCP_AUTH_TOKEN", "token-from-env")]
    [InlineData("MCP_LOG_PATH", "/tmp/env.log")]
    [InlineData("MCP_VERBOSITY", "ERROR")]
    [InlineData("MCP_LISTEN_URL", "https://0.0.0.0:9443")]
    public void Each_seed_environment_variable_overrides_the_file(string variable, string value)
    {
        var settings = Load(SettingsFiles.Write("settings.yml", SettingsFiles.SeedYaml), new Dictionary<string, string> { [variable] = value });
        var target = settings.Targets[0];

        object actual = variable switch
        {
            "VCENTER_ADDRESS" => target.Endpoint.Host,
            "VCENTER_USER" => target.User,
            "VCENTER_SECRET" => target.Password,
            "VCENTER_DC" => target.Datacenter!,
            "VCENTER_CLUSTER" => target.Cluster!,
            "VCENTER_DATASTORE" => target.Datastore!,
            "VCENTER_NETWORK_LABEL" => target.Network,
            "MCP_AUTH_TOKEN" => settings.AccessToken!,
            "MCP_LOG_PATH" => settings.LoggingOutput!,
            "MCP_VERBOSITY" => settings.LoggingLevel.ToString().ToUpperInvariant(),
            _ => settings.ListenUrl.ToString().TrimEnd('/'),
        };
        Assert.Equal(value, actual);
    }

    [Theory]
    [InlineData("true", false)]
    [InlineData("false", true)]
    public void INSECURE_SKIP_SSL_is_the_inverse_of_verify_ssl_cert(string skip, bool verify)
    {
        var settings = Load(SettingsFiles.Write("settings.yml", SettingsFiles.SeedYaml), new Dictionary<string, string> { ["INSECURE_SKIP_SSL"] = skip });

        Assert.Equal(verify, settings.Targets[0].VerifySsl);
    }

    [Fact]
    public void The_environment_alone_is_a_complete_configuration()
    {
        var settings = HostSettingsLoader.Load(null, new Dictionary<string, string>
        {
            ["VCENTER_ADDRESS"] = "vc.example.com:8443",
            ["VCENTER_USER"] = "u",
            ["VCENTER_SECRET"] = "p",
            ["MCP_AUTH_TOKEN"] = "t",
        }, "/opt").Settings;

        Assert.Equal(new Uri("https://vc.example.com:8443/sdk"), settings.Targets[0].Endpoint);
    }

    [Theory]
    [InlineData("vc.example.com", "https://vc.example.com/sdk")]
    [InlineData("vc.example.com:8443", "https://vc.example.com:8443/sdk")]
    [InlineData("https://vc.example.com/sdk", "https://vc.example.com/sdk")]
    [InlineData("http://127.0.0.1:8989", "http://127.0.0.1:8989/sdk")]
    public void The_endpoint_accepts_host_host_and_port_or_url(string given, string expected)
    {
        var settings = Load(SettingsFiles.Write("settings.yml", $"vcenter_endpoint: \"{given}\"\nlogin_credential: u\nsecret_key: p\naccess_token: t\n"));

        Assert.Equal(new Uri(expected), settings.Targets[0].Endpoint);
    }

    [Fact]
    public void Targets_list_adds_named_targets_beside_the_flat_default()
    {
        var settings = Load(SettingsFiles.Write("settings.yml", SettingsFiles.SeedYaml + """

            targets:
              - name: lab-esxi
                vcenter_endpoint: "esxi01.lab:443"
                login_credential: root
                secret_key: other
                kind: esxi
            """));

        Assert.Equal(["default", "lab-esxi"], settings.Targets.Select(t => t.Name));
        Assert.Equal("esxi", settings.Targets[1].Kind);
    }

    [Fact]
    public void A_missing_file_names_the_file()
    {
        var message = Assert.Throws<ConfigurationException>(() => Load("/nonexistent/settings.yml")).Message;

        Assert.StartsWith("/nonexistent/settings.yml: cannot read the config file", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_names_the_file_and_line()
    {
        var message = ErrorOf("settings.yml", "vcenter_endpoint: \"a\"\nlogin_credential: [unclosed\n");

        Assert.Contains("settings.yml: malformed YAML at line", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var message = ErrorOf("settings.json", "{\n \"vcenter_endpoint\": \"a\",\n \"login_credential\" \n}");

        Assert.Contains("settings.json: malformed JSON at line", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("login_credential: u\nsecret_key: p\naccess_token: t\nresource_storage: x\n", "vcenter_endpoint")]
    [InlineData("vcenter_endpoint: vc\nsecret_key: p\naccess_token: t\n", "login_credential")]
    [InlineData("vcenter_endpoint: vc\nlogin_credential: u\naccess_token: t\n", "secret_key")]
    public void A_missing_mandatory_key_is_named(string content, string key)
    {
        var message = ErrorOf("settings.yml", content);

        Assert.Contains($"settings.yml: {key}", message, StringComparison.Ordinal);
        Assert.Contains("mandatory", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify_ssl_cert: maybe\n", "verify_ssl_cert", "expected true or false")]
    [InlineData("logging_severity: LOUD\n", "logging_severity", "expected DEBUG, INFO")]
    [InlineData("session_token_lifetime_seconds: soon\n", "session_token_lifetime_seconds", "expected a whole number")]
    [InlineData("secret_key: [a, b]\n", "secret_key", "expected a single value")]
    [InlineData("listen_url: ftp://x\n", "listen_url", "expected a URL")]
    public void A_value_of_the_wrong_type_is_named_with_what_is_expected(string line, string key, string problem)
    {
        var message = ErrorOf("settings.yml", "vcenter_endpoint: vc\nlogin_credential: u\naccess_token: t\n" + (line.StartsWith("secret_key", StringComparison.Ordinal) ? "" : "secret_key: p\n") + line);

        Assert.Contains($"settings.yml: {key}", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_token_without_allow_anonymous_refuses_to_start()
    {
        var message = ErrorOf("settings.yml", "vcenter_endpoint: vc\nlogin_credential: u\nsecret_key: p\n");

        Assert.Contains("access_token", message, StringComparison.Ordinal);
        Assert.Contains("allow_anonymous", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_listen_url_is_refused_without_allow_plain_http()
    {
        var message = ErrorOf("settings.yml", SettingsFiles.SeedYaml + "\nlisten_url: http://127.0.0.1:8080\n");

        Assert.Contains("allow_plain_http", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_warns_with_the_closest_known_key()
    {
        var settings = Load(SettingsFiles.Write("settings.yml", SettingsFiles.SeedYaml + "\nverify_ssl_certs: true\n"));

        var warning = Assert.Single(settings.Warnings).Message;
        Assert.Contains("'verify_ssl_certs'", warning, StringComparison.Ordinal);
        Assert.Contains("did you mean 'verify_ssl_cert'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_config_file_makes_the_process_exit_with_code_2()
    {
        var path = SettingsFiles.Write("settings.yml", "verify_ssl_cert: maybe\n");

        Assert.Equal(2, await VmwareMcpHost.RunAsync(["--config", path]));
    }

    [Fact]
    public void The_password_never_appears_in_a_targets_text()
    {
        var settings = Load(SettingsFiles.Write("settings.yml", SettingsFiles.SeedYaml));

        Assert.DoesNotContain("super-secret-password", settings.Targets[0].ToString(), StringComparison.Ordinal);
    }

    private const string MinimalTarget = "vcenter_endpoint: vc.example\nlogin_credential: u\nsecret_key: p\naccess_token: t\n";

    [Theory]
    [InlineData("insecure: true", false)]
    [InlineData("insecure: false", true)]
    [InlineData("verify_ssl_cert: true", true)]
    [InlineData("", false)]
    public void The_originals_insecure_key_is_the_opposite_of_verify_ssl_cert(string line, bool verified)
    {
        var settings = Load(SettingsFiles.Write("settings.yml", MinimalTarget + line));

        Assert.Equal(verified, Assert.Single(settings.Targets).VerifySsl);
    }

    [Fact]
    public void Insecure_contradicting_verify_ssl_cert_is_an_error_naming_both()
    {
        var message = ErrorOf("settings.yml", MinimalTarget + "insecure: true\nverify_ssl_cert: true");

        Assert.Contains("insecure", message, StringComparison.Ordinal);
        Assert.Contains("verify_ssl_cert", message, StringComparison.Ordinal);
        Assert.Contains("settings.yml", message, StringComparison.Ordinal);
    }
}
