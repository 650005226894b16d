using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using OpenTelemetry.Trace;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;
using VmwareMcp.Tests.Mcp;
using VmwareMcp.Vim25;

namespace VmwareMcp.Tests.Observability;

/// <summary>One simulator and one real OTLP/HTTP collector; each test starts its own exporting host.</summary>
public sealed class OtlpTarget : IAsyncLifetime
{
    public Simulator Simulator { get; private set; } = null!;

    public OtlpReceiver Collector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await Simulator.StartAsync([]);
        Collector = await OtlpReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Collector.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

/// <summary>
/// Traces and metrics leave over OTLP when the standard variables say where, as a collector receives them.
/// The host is disposed before the collector is read: disposing flushes the exporters, so no test waits on a timer.
/// </summary>
public sealed class OpenTelemetryExportTests(OtlpTarget target) : IClassFixture<OtlpTarget>
{
    private Task<TestHost> StartExportingHostAsync() =>
        TestHost.StartAsync(TestHost.SettingsFor(target.Simulator), environment: target.Collector.Environment);

    [Fact]
    public async Task A_tool_call_is_a_server_span_and_its_vim25_calls_are_client_spans_in_its_trace()
    {
        await using (var host = await StartExportingHostAsync())
        {
            await using var mcp = await host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
            await mcp.CallAsync<System.Text.Json.JsonElement>("power_vm", new { vm = "DC0_H0_VM1", desired_state = "POWER_OFF", confirm = true });
        }

        // Spans are process-wide: those of this class's simulator are told apart by its port.
        var soap = Assert.Single(target.Collector.Spans, s => s.Name == "vim25 PowerOffVM_Task" && s.Attributes.GetValueOrDefault("server.port") == Port(target.Simulator.Url));
        Assert.Equal(ReceivedSpan.Client, soap.Kind);
        Assert.Equal("VmwareMcp.Vim25", soap.Scope);
        Assert.Equal("default", soap.Attributes["vmwaremcp.target"]);
        Assert.Equal("PowerOffVM_Task", soap.Attributes["rpc.method"]);
        var call = Assert.Single(target.Collector.Spans, s => s.TraceId == soap.TraceId && s.Kind == ReceivedSpan.Server && s.Attributes.GetValueOrDefault("gen_ai.tool.name") == "power_vm");
        Assert.Equal("tools/call", call.Attributes["mcp.method.name"]);
    }

    [Fact]
    public async Task A_rest_request_is_a_server_span_named_by_its_route_with_its_status()
    {
        string port;
        await using (var host = await StartExportingHostAsync())
        {
            port = Port(host.BaseUrl);
            using var client = host.CreateClient();
            (await client.GetAsync("/api/v1/vms/DC0_H0_VM0")).EnsureSuccessStatusCode();
        }

        var request = Assert.Single(target.Collector.Spans, s => s.Kind == ReceivedSpan.Server
            && s.Attributes.GetValueOrDefault("server.port") == port && s.Attributes.GetValueOrDefault("url.path") == "/api/v1/vms/DC0_H0_VM0");
        Assert.StartsWith("GET /api/v1/vms/{", request.Name, StringComparison.Ordinal);
        Assert.Equal("200", request.Attributes["http.response.status_code"]);
    }

    [Fact]
    public async Task Metrics_of_vim25_calls_mcp_calls_and_requests_are_exported()
    {
        await using (var host = await StartExportingHostAsync())
        {
            await using var mcp = await host.ConnectMcpAsync(HttpTransportMode.StreamableHttp);
            await mcp.CallAsync<System.Text.Json.JsonElement>("list_vms");
        }

        Assert.Contains("vmwaremcp.vim25.call.duration", target.Collector.MetricNames);
        Assert.Contains("mcp.server.operation.duration", target.Collector.MetricNames);
        Assert.Contains("http.server.request.duration", target.Collector.MetricNames);
    }

    [Fact]
    public async Task A_faulted_vim25_call_is_an_error_span_naming_the_fault()
    {
        var name = "fault-" + Guid.NewGuid().ToString("N");
        var ended = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "VmwareMcp.Vim25",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("vmwaremcp.target"), name))
                {
                    lock (ended) { ended.Add(activity); }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var client = new VimClient(new TargetOptions { Name = name, Endpoint = target.Simulator.Url, User = Simulator.User, Password = Simulator.Password }, NullLogger.Instance);

        await Assert.ThrowsAsync<HypervisorException>(() => client.InvokeAsync("PowerOffVM_Task", new ManagedObjectReference("VirtualMachine", "vm-404"), null, CancellationToken.None));

        var failed = Assert.Single(ended, a => a.DisplayName == "vim25 PowerOffVM_Task");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("ManagedObjectNotFound", failed.GetTagItem("vmwaremcp.vim25.fault"));
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_nothing_is_exported()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(target.Simulator));

        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    private static string Port(Uri url) => url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
