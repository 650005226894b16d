using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace VmwareMcp.Tests.Harness;

/// <summary>A span as an OTLP/HTTP exporter sent it.</summary>
public sealed record ReceivedSpan(string Scope, string Name, int Kind, string TraceId, string SpanId, string ParentSpanId, IReadOnlyDictionary<string, string> Attributes, int StatusCode)
{
    /// <summary>OTLP's SPAN_KIND_SERVER and SPAN_KIND_CLIENT.</summary>
    public const int Server = 2, Client = 3;

    /// <summary>OTLP's STATUS_CODE_ERROR.</summary>
    public const int Error = 2;
}

/// <summary>
/// A real OTLP/HTTP (protobuf) collector on a free loopback port: keeps the spans posted to <c>/v1/traces</c>
/// and the metric names posted to <c>/v1/metrics</c>, decoded from the bytes the exporter sent.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    public ConcurrentQueue<string> MetricNames { get; } = new();

    /// <summary>The variables that point a host's exporter here.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Url.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = "vmwaremcp-test",
    };

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) => receiver.KeepSpans(await BodyAsync(request)));
        app.MapPost("/v1/metrics", async (HttpRequest request) => receiver.KeepMetrics(await BodyAsync(request)));
        await app.StartAsync();
        receiver.Url = ServerAddress.Of(app);
        return receiver;
    }

    private static async Task<byte[]> BodyAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    // ExportTraceServiceRequest: 1 ResourceSpans { 2 ScopeSpans { 1 scope { 1 name }, 2 Span } }.
    private IResult KeepSpans(byte[] body)
    {
        foreach (var resource in Fields(body, 1))
        {
            foreach (var scopeSpans in Fields(resource.Bytes, 2))
            {
                var scope = Fields(scopeSpans.Bytes, 1).Select(s => Fields(s.Bytes, 1).FirstOrDefault().Text).FirstOrDefault() ?? string.Empty;
                foreach (var span in Fields(scopeSpans.Bytes, 2))
                {
                    Spans.Enqueue(ToSpan(scope, ProtobufField.Read(span.Bytes)));
                }
            }
        }

        return Results.Ok();
    }

    // ExportMetricsServiceRequest: 1 ResourceMetrics { 2 ScopeMetrics { 2 Metric { 1 name } } }.
    private IResult KeepMetrics(byte[] body)
    {
        foreach (var metric in Fields(body, 1).SelectMany(r => Fields(r.Bytes, 2)).SelectMany(s => Fields(s.Bytes, 2)))
        {
            MetricNames.Enqueue(Fields(metric.Bytes, 1).First().Text);
        }

        return Results.Ok();
    }

    // Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 KeyValue { 1 key, 2 AnyValue }, 15 Status { 3 code }.
    private static ReceivedSpan ToSpan(string scope, List<ProtobufField> span)
    {
        string Hex(int number) => Convert.ToHexString(span.FirstOrDefault(f => f.Number == number).Bytes.Span);
        var attributes = span.Where(f => f.Number == 9).Select(f => ProtobufField.Read(f.Bytes))
            .ToDictionary(kv => kv.First(f => f.Number == 1).Text, kv => AnyValue(kv.FirstOrDefault(f => f.Number == 2).Bytes));
        var status = span.Where(f => f.Number == 15).SelectMany(f => ProtobufField.Read(f.Bytes)).FirstOrDefault(f => f.Number == 3).Value;
        return new ReceivedSpan(scope, span.First(f => f.Number == 5).Text, (int)span.FirstOrDefault(f => f.Number == 6).Value,
            Hex(1), Hex(2), Hex(4), attributes, (int)status);
    }

    // AnyValue: 1 string, 2 bool, 3 int; enough for the attributes asserted on.
    private static string AnyValue(ReadOnlyMemory<byte> value) => ProtobufField.Read(value).FirstOrDefault() switch
    {
        { Number: 1 } text => text.Text,
        { Number: 2 or 3 } number => number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    private static IEnumerable<ProtobufField> Fields(ReadOnlyMemory<byte> message, int number) =>
        ProtobufField.Read(message).Where(f => f.Number == number);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
