using VmwareMcp.Host.Configuration;
using VmwareMcp.Host.Observability;

namespace VmwareMcp.Tests.Observability;

/// <summary>What the standard OTEL_* variables switch on, and what they may not say.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public void Nothing_is_exported_without_an_endpoint() =>
        Assert.Null(OtlpExport.From(new Dictionary<string, string> { ["OTEL_SERVICE_NAME"] = "x" }));

    [Fact]
    public void A_traces_endpoint_exports_traces_only()
    {
        var export = OtlpExport.From(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "http://collector:4318/v1/traces" });

        Assert.True(export!.Traces);
        Assert.False(export.Metrics);
        Assert.Equal("vmwaremcp", export.ServiceName);
    }

    [Fact]
    public void Sdk_disabled_wins_over_an_endpoint() =>
        Assert.Null(OtlpExport.From(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318", ["OTEL_SDK_DISABLED"] = "true" }));

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")]
    [InlineData("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "ftp://collector")]
    public void An_endpoint_that_is_not_an_http_url_is_refused_naming_the_variable_and_value(string key, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => OtlpExport.From(new Dictionary<string, string> { [key] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_protocol_is_refused_naming_what_is_spoken()
    {
        var error = Assert.Throws<ConfigurationException>(() => OtlpExport.From(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/json",
        }));

        Assert.Contains("OTEL_EXPORTER_OTLP_PROTOCOL", error.Message, StringComparison.Ordinal);
        Assert.Contains("http/protobuf", error.Message, StringComparison.Ordinal);
    }
}
