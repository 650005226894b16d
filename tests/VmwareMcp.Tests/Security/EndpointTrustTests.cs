using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Security;

/// <summary>What the host says about the certificates of the endpoints it talks to, and about bad telemetry keys.</summary>
public sealed class EndpointTrustTests(SimulatedVcenter vcenter) : IClassFixture<SimulatedVcenter>
{
    private string Fingerprint => vcenter.Simulator.Thumbprint!.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    [Fact]
    public async Task A_start_without_verification_warns_with_the_fingerprint_to_pin()
    {
        Assert.True(await Eventually.HoldsAsync(
            () => Task.FromResult(vcenter.Host.Logs.Lines.Any(l => l.Contains("NOT verified", StringComparison.Ordinal) && l.Contains($"ssl_thumbprint: \"{Fingerprint}\"", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_self_signed_endpoint_with_verification_on_is_refused_saying_why_and_what_to_set()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(vcenter.Simulator).Replace("verify_ssl_cert: false", "verify_ssl_cert: true", StringComparison.Ordinal));
        using var client = host.CreateClient();

        var detail = await DetailAsync(await client.GetAsync("/api/v1/datacenters"));

        Assert.Contains("untrusted chain", detail, StringComparison.Ordinal);
        Assert.Contains($"ssl_thumbprint: \"{Fingerprint}\"", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pinned_thumbprint_that_does_not_match_says_both_fingerprints()
    {
        var wrong = new string('A', 64);
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(vcenter.Simulator, $"ssl_thumbprint: \"{wrong}\""));
        using var client = host.CreateClient();

        var detail = await DetailAsync(await client.GetAsync("/api/v1/datacenters"));

        Assert.Contains($"thumbprint mismatch: ssl_thumbprint pins {wrong}, the endpoint presents {Fingerprint}", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_telemetry_interval_of_zero_stops_the_start_naming_the_key_and_the_value()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(TestHost.SettingsFor(vcenter.Simulator, "telemetry_interval_seconds: 0")));

        Assert.Contains("telemetry_interval_seconds: expected a number of seconds from 1 to 3600, found 0", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }
}
