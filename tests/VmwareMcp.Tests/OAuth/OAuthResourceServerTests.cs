using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VmwareMcp.Host.Audit;
using VmwareMcp.Tests.Conformance;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.OAuth;

/// <summary>
/// The host as an OAuth 2.1 resource server (the MCP authorization spec), with tokens minted by a real
/// OpenID provider, and the official TypeScript SDK as the remote client that finds its way by itself.
/// </summary>
public sealed class OAuthResourceServerTests(OAuthTarget target) : IClassFixture<OAuthTarget>
{
    [Fact]
    public async Task The_typescript_sdk_finds_the_issuer_from_the_401_gets_a_token_and_calls_a_tool()
    {
        var (exit, output) = await NodeClient.RunAsync(target.Host, NodeClient.Node22, "oauth-client.mjs",
            "--url", target.Host.BaseUrl.ToString(), "--issuer", target.Provider.Issuer, "--client", "agent-read", "--scope", "vmwaremcp.read",
            "--tool", "get_vm", "--arguments", """{"vm":"DC0_H0_VM0"}""");

        Assert.True(exit == 0, output);
        Assert.Contains("DC0_H0_VM0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"isError\":true", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_token_is_told_where_the_resource_metadata_is()
    {
        using var anonymous = target.Host.CreateClient(token: null);

        var response = await anonymous.GetAsync("/mcp");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains($"resource_metadata=\"https://127.0.0.1:{target.Host.BaseUrl.Port}/.well-known/oauth-protected-resource/mcp\"", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_resource_metadata_names_the_resource_the_issuer_and_the_scopes()
    {
        using var anonymous = target.Host.CreateClient(token: null);

        using var metadata = JsonDocument.Parse(await anonymous.GetStringAsync("/.well-known/oauth-protected-resource/mcp"));

        Assert.Equal(target.Audience, metadata.RootElement.GetProperty("resource").GetString());
        Assert.Equal([target.Provider.Issuer], metadata.RootElement.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["vmwaremcp.read", "vmwaremcp.operate", "vmwaremcp.admin"], metadata.RootElement.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_read_token_reads_and_is_refused_a_change()
    {
        using var client = target.Host.CreateClient(await target.Provider.TokenAsync("agent-read", "vmwaremcp.read", target.Audience));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/vms/DC0_H0_VM0")).StatusCode);
        var change = await client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = "DC0_H0_VM0", desired_state = "POWER_ON" });
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
    }

    [Fact]
    public async Task A_change_made_with_an_access_token_is_audited_under_the_clients_name()
    {
        using var client = target.Host.CreateClient(await target.Provider.TokenAsync("agent-operate", "vmwaremcp.read vmwaremcp.operate", target.Audience));

        var change = await client.PostAsJsonAsync("/api/v1/vms/power", new { vm_identifier = "DC0_H0_VM0", desired_state = "POWER_ON" });

        Assert.True(change.IsSuccessStatusCode, await change.Content.ReadAsStringAsync());
        using var admin = target.Host.CreateClient();
        var records = await admin.GetFromJsonAsync<List<AuditRecord>>("/api/v1/audit?vm=DC0_H0_VM0", Json.Options);
        Assert.Contains(records!, r => r.Token == "oauth:agent-operate" && r.Outcome == "ok");
    }

    [Fact]
    public async Task A_token_for_another_resource_is_refused_naming_this_servers_audience()
    {
        using var client = target.Host.CreateClient(await target.Provider.TokenAsync("agent-read", "vmwaremcp.read", "https://other.example/mcp"));

        var response = await client.GetAsync("/api/v1/vms/DC0_H0_VM0");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(target.Audience, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_whose_signature_was_altered_is_refused()
    {
        var token = await target.Provider.TokenAsync("agent-operate", "vmwaremcp.read vmwaremcp.operate", target.Audience);
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        using var client = target.Host.CreateClient(forged);

        var response = await client.GetAsync("/api/v1/vms/DC0_H0_VM0");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_limited_by_claim_to_other_targets_cannot_touch_this_one()
    {
        using var client = target.Host.CreateClient(await target.Provider.TokenAsync("agent-lab", "vmwaremcp.read", target.Audience));

        var response = await client.GetAsync("/api/v1/vms/DC0_H0_VM0?target=default");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("abc.def.ghi")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    [InlineData("not-a-token-at-all")]
    public async Task A_token_that_is_neither_static_nor_a_valid_jwt_is_a_401_saying_so(string token)
    {
        using var client = target.Host.CreateClient(token);

        var response = await client.GetAsync("/api/v1/vms/DC0_H0_VM0");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>JWTs whose header or payload decodes to hostile bytes: invalid UTF-8, an escaped lone surrogate, not JSON.</summary>
    public static TheoryData<string> HostileJwts()
    {
        static string Part(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = Part("""{"alg":"RS256","typ":"at+jwt"}"""u8.ToArray());
        return new TheoryData<string>
        {
            $"{header}.{Part([0x7b, 0x22, 0x73, 0x75, 0x62, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])}.{Part([1, 2, 3])}",
            $"{header}.{Part("""{"sub":"\udc00","scope":"vmwaremcp.admin"}"""u8.ToArray())}.{Part([1, 2, 3])}",
            $"{Part([0xc3, 0x28])}.{Part("""{"sub":"x"}"""u8.ToArray())}.{Part([1, 2, 3])}",
            $"{header}.{Part("[1,2"u8.ToArray())}.",
        };
    }

    [Theory]
    [MemberData(nameof(HostileJwts))]
    public async Task A_jwt_of_hostile_bytes_is_a_401_never_a_500(string token)
    {
        using var client = target.Host.CreateClient(token);

        var response = await client.GetAsync("/api/v1/vms/DC0_H0_VM0");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_static_token_keeps_working_beside_oauth()
    {
        using var client = target.Host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/vms/DC0_H0_VM0")).StatusCode);
    }
}
