using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmwareMcp.Host.Tls;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Security;

public sealed class TlsTests
{
    [Fact]
    public async Task The_host_serves_https_with_a_generated_certificate_stored_beside_the_config()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null));
        using var client = host.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https", host.BaseUrl.Scheme);
        Assert.Equal(FingerprintOfStored(host.Directory), host.ServedCertificateFingerprint);
    }

    [Fact]
    public async Task The_generated_certificate_is_an_ecdsa_p256_server_certificate_for_loopback()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null));

        using var stored = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(host.Directory, CertificateSource.GeneratedFileName), null);
        using var key = stored.GetECDsaPublicKey();
        Assert.NotNull(key);
        Assert.Equal(256, key.KeySize);
        Assert.Contains(stored.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(), oid => oid.Value == "1.3.6.1.5.5.7.3.1");
        Assert.Contains(IPAddress.Loopback, stored.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses());
    }

    [Fact]
    public async Task The_next_start_reuses_the_same_certificate()
    {
        string first;
        string directory;
        await using (var host = await TestHost.StartAsync(TestHost.SettingsFor(null)))
        {
            using var client = host.CreateClient();
            await client.GetAsync("/healthz");
            first = host.ServedCertificateFingerprint!;
            directory = host.Directory;
        }

        await using var again = await TestHost.StartAsync(TestHost.SettingsFor(null), directory: directory);
        using var againClient = again.CreateClient();
        await againClient.GetAsync("/healthz");

        Assert.Equal(first, again.ServedCertificateFingerprint);
    }

    [Fact]
    public async Task Plain_http_is_served_only_when_allowed_explicitly()
    {
        var settings = TestHost.SettingsFor(null).Replace("https://127.0.0.1:0", "http://127.0.0.1:0", StringComparison.Ordinal) + "\nallow_plain_http: true";
        await using var host = await TestHost.StartAsync(settings);
        using var client = host.CreateClient();

        Assert.Equal("http", host.BaseUrl.Scheme);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Plain_http_requests_to_the_https_port_are_refused()
    {
        await using var host = await TestHost.StartAsync(TestHost.SettingsFor(null));
        using var plain = new HttpClient { BaseAddress = new UriBuilder(host.BaseUrl) { Scheme = "http" }.Uri };

        await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync("/healthz"));
    }

    private static string FingerprintOfStored(string directory)
    {
        using var stored = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(directory, CertificateSource.GeneratedFileName), null);
        return Convert.ToHexString(SHA256.HashData(stored.RawData));
    }
}
