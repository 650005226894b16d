using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VmwareMcp.Vim25;

/// <summary>
/// The traces and metrics of vim25 calls: one client span per SOAP call and a duration histogram, both
/// named <see cref="Name"/>.
/// </summary>
/// <remarks>
/// Built on System.Diagnostics only, so the library needs no OpenTelemetry package: the host subscribes
/// when it exports, and a span costs nothing while no one listens. The span joins whatever MCP tool call
/// or REST request is current, which is how "the clone was slow" leads to the SOAP call that was.
/// </remarks>
public static class VimTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "VmwareMcp.Vim25";

    /// <summary>The attribute naming the target, on spans and on the histogram.</summary>
    public const string TargetAttribute = "vmwaremcp.target";

    /// <summary>The attribute naming the vSphere fault of a failed call.</summary>
    public const string FaultAttribute = "vmwaremcp.vim25.fault";

    private static readonly ActivitySource Source = new(Name, typeof(VimTelemetry).Assembly.GetName().Version?.ToString());
    private static readonly Meter Meter = new(Name);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "vmwaremcp.vim25.call.duration", "s", "How long a vim25 SOAP call took, by target, method and outcome.");

    /// <summary>Starts the span of one call (null while no one listens).</summary>
    internal static Activity? Start(string target, string method, Uri endpoint)
    {
        var activity = Source.StartActivity($"vim25 {method}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "vim25");
            activity.SetTag("rpc.method", method);
            activity.SetTag(TargetAttribute, target);
            activity.SetTag("server.address", endpoint.Host);
            activity.SetTag("server.port", endpoint.Port);
        }

        return activity;
    }

    /// <summary>Ends the call: its outcome on the span and its duration in the histogram.</summary>
    internal static void End(Activity? activity, string target, string method, long startedAt, Exception? failure)
    {
        var fault = failure switch
        {
            null => null,
            Abstractions.Errors.HypervisorException hypervisor => hypervisor.Fault ?? hypervisor.Kind.ToString(),
            _ => failure.GetType().Name,
        };
        if (activity is not null && failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, failure.Message);
            activity.SetTag("error.type", fault);
            activity.SetTag(FaultAttribute, fault);
        }

        if (Duration.Enabled)
        {
            Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds,
                new(TargetAttribute, target), new("rpc.method", method), new("error.type", fault));
        }

        activity?.Dispose();
    }
}
