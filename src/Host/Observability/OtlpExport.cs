using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Observability;

/// <summary>
/// What the standard <c>OTEL_*</c> variables ask to export over OTLP: traces, metrics, both or (when no
/// endpoint is set, or <c>OTEL_SDK_DISABLED=true</c>) nothing.
/// </summary>
/// <remarks>
/// Off unless configured, because an exporter pointed at the default localhost:4317 by accident would
/// retry into the void on every batch. Endpoints and the protocol are checked at start, naming the
/// variable and its value, as every other setting is.
/// </remarks>
public sealed record OtlpExport
{
    private static readonly string[] Protocols = ["grpc", "http/protobuf"];

    /// <summary>Export spans (an endpoint for all signals or for traces is set).</summary>
    public required bool Traces { get; init; }

    /// <summary>Export metrics (an endpoint for all signals or for metrics is set).</summary>
    public required bool Metrics { get; init; }

    /// <summary><c>service.name</c>: <c>OTEL_SERVICE_NAME</c>, else <c>vmwaremcp</c>.</summary>
    public required string ServiceName { get; init; }

    /// <summary>Every <c>OTEL_*</c> variable, for the SDK, which reads them from configuration.</summary>
    public required IReadOnlyDictionary<string, string?> Variables { get; init; }

    /// <summary>Reads the variables; null when nothing is to be exported.</summary>
    /// <exception cref="ConfigurationException">An endpoint is not an absolute http(s) URL, or the protocol is unknown.</exception>
    public static OtlpExport? From(IReadOnlyDictionary<string, string> environment)
    {
        var variables = environment.Where(e => e.Key.StartsWith("OTEL_", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        if (Value(variables, "OTEL_SDK_DISABLED") is { } disabled && disabled.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var all = Endpoint(variables, "OTEL_EXPORTER_OTLP_ENDPOINT");
        var traces = all || Endpoint(variables, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var metrics = all || Endpoint(variables, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        if (!traces && !metrics)
        {
            return null;
        }

        foreach (var key in new[] { "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL" })
        {
            if (Value(variables, key) is { } protocol && !Protocols.Contains(protocol))
            {
                throw new ConfigurationException($"environment: {key}: '{protocol}' is not an OTLP protocol this host speaks; expected {string.Join(" or ", Protocols)}");
            }
        }

        return new OtlpExport
        {
            Traces = traces,
            Metrics = metrics,
            ServiceName = Value(variables, "OTEL_SERVICE_NAME") ?? "vmwaremcp",
            Variables = variables,
        };
    }

    private static string? Value(Dictionary<string, string?> variables, string key) =>
        variables.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool Endpoint(Dictionary<string, string?> variables, string key)
    {
        if (Value(variables, key) is not { } value)
        {
            return false;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigurationException($"environment: {key}: '{value}' is not an absolute http or https URL such as http://127.0.0.1:4318");
        }

        return true;
    }
}
