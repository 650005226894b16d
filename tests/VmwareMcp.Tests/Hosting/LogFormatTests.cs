using System.Text.Json;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Tests.Configuration;
using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Hosting;

/// <summary>Log lines as a log shipper or an operator reads them.</summary>
public sealed class LogFormatTests
{
    [Fact]
    public async Task With_logging_format_json_every_line_is_one_json_event()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null, "logging_format: json"));
        var log = Path.Combine(host.Directory, "host.log");

        Assert.True(await Eventually.HoldsAsync(async () => File.Exists(log) && (await ReadAsync(log)).Length > 0, TimeSpan.FromSeconds(10)));
        var lines = await ReadAsync(log);
        Assert.All(lines, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("@t", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("@mt", out _), line);
        });
    }

    [Fact]
    public async Task A_text_line_carries_one_timestamp_with_its_date()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null));
        var log = Path.Combine(host.Directory, "host.log");

        Assert.True(await Eventually.HoldsAsync(async () => File.Exists(log) && (await ReadAsync(log)).Length > 0, TimeSpan.FromSeconds(10)));
        var first = (await ReadAsync(log))[0];
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2} \[[A-Z]{3}\] ", first);
        Assert.DoesNotMatch(@"\d{2}:\d{2}:\d{2}.*\d{2}:\d{2}:\d{2}.*\[[A-Z]{3}\]", first);
    }

    [Fact]
    public void An_unknown_logging_format_is_refused_naming_the_key_and_value()
    {
        var error = Assert.Throws<ConfigurationException>(() => HostSettingsLoader.Load(
            SettingsFiles.Write("settings.yml", SettingsFiles.SeedYaml + "\nlogging_format: xml\n"), new Dictionary<string, string>(), "/opt/vmwaremcp"));

        Assert.Contains("logging_format", error.Message, StringComparison.Ordinal);
        Assert.Contains("xml", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string[]> ReadAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
