using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using VmwareMcp.Host.Startup;

namespace VmwareMcp.Host.Observability;

/// <summary>
/// Exports traces and metrics over OTLP when the <c>OTEL_*</c> variables ask for it: a span per MCP call
/// (the MCP SDK's own), per REST request (ASP.NET Core's) and per vim25 SOAP call (ours, from every plugin
/// that uses the shared vim25 client), beside the Prometheus text at <c>/metrics</c>.
/// </summary>
public static class OpenTelemetrySetup
{
    /// <summary>The MCP SDK's ActivitySource and Meter (experimental in name; the spans follow the MCP semantic conventions).</summary>
    public const string McpSource = "Experimental.ModelContextProtocol";

    /// <summary>Every source and meter of this product, in the host or in a plugin.</summary>
    public const string ProductSources = "VmwareMcp.*";

    /// <summary>Registers the exporters the <c>OTEL_*</c> variables ask for; nothing at all when they ask for none.</summary>
    /// <exception cref="Configuration.ConfigurationException">A variable's value is wrong.</exception>
    public static void AddOpenTelemetryExport(this IHostApplicationBuilder builder, IReadOnlyDictionary<string, string> environment)
    {
        if (OtlpExport.From(environment) is not { } export)
        {
            return;
        }

        // The SDK reads its OTEL_* settings from configuration, which here holds only what the host put there.
        builder.Configuration.AddInMemoryCollection(export.Variables);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(export.ServiceName, serviceVersion: CommandLine.HostVersion));
        if (export.Traces)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(McpSource, ProductSources)
                .AddAspNetCoreInstrumentation(o => o.RecordException = true)
                .AddOtlpExporter());
        }

        if (export.Metrics)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddMeter(McpSource, ProductSources)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        }
    }
}
