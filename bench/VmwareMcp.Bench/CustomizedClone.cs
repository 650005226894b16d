using System.Diagnostics;
using System.Net.Http.Json;
using VmwareMcp.Host.Startup;
using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Bench;

/// <summary>
/// A customized clone to an answering guest (issue 18): clone with a Linux customization and power-on, then
/// wait_for_guest until the fixed address shows; seconds, and SOAP calls counted by a proxy in front of vcsim.
/// </summary>
internal static class CustomizedClone
{
    public static async Task<(double Seconds, int SoapCalls)> MeasureAsync(string token)
    {
        await using var simulator = await Simulator.StartAsync("-tls=false");
        await using var proxy = await SoapCountingProxy.StartAsync(simulator.Url);
        var directory = Directory.CreateTempSubdirectory("vmwaremcp-bench-clone-").FullName;
        var config = Path.Combine(directory, "settings.yml");
        await File.WriteAllTextAsync(config, $"""
            vcenter_endpoint: "{proxy.Url}"
            login_credential: "{Simulator.User}"
            secret_key: "{Simulator.Password}"
            access_token: "{token}"
            listen_url: "https://127.0.0.1:0"
            logging_severity: WARNING
            logging_output: "{Path.Combine(directory, "host.log")}"
            inventory_cache: false
            telemetry_interval_seconds: 3600
            """);
        await using var app = VmwareMcpHost.Build(new HostStartOptions { ConfigFile = config });
        await app.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = ServerAddress.Of(app) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await http.GetStringAsync("/api/v1/vms/DC0_H0_VM0"); // Logs in, so the figure is the clone's alone.
        proxy.Reset();

        var started = Stopwatch.StartNew();
        var clone = await http.PostAsJsonAsync("/api/v1/vms/clone", new
        {
            source_identifier = "DC0_H0_VM0", destination_label = "bench-customized", power_on = true,
            customization = new { os = "linux", host_name = "bench01", nics = new[] { new { ip = "10.0.0.50", subnet_mask = "255.255.255.0" } } },
        });
        clone.EnsureSuccessStatusCode();
        var state = await (await http.PostAsync("/api/v1/vms/bench-customized/wait-for-guest?timeout_seconds=60", null)).Content.ReadAsStringAsync();
        var seconds = started.Elapsed.TotalSeconds;
        if (!state.Contains("10.0.0.50", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the customized clone did not answer: " + state);
        }

        await app.StopAsync();
        return (seconds, proxy.Total);
    }
}
