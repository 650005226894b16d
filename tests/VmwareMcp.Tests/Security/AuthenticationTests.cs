using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Client;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Security;

/// <summary>The host with an unreachable target: authentication needs no hypervisor.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(TestHost.SettingsFor(null, "session_token_lifetime_seconds: 60"),
            configureServices: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/api/v1/plugins")]
    [InlineData("/mcp")]
    public async Task No_token_gets_401_with_a_bearer_challenge(string path)
    {
        using var client = _host.CreateClient(token: null);

        var response = await client.PostAsync(path, JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/plugins")]
    [InlineData("/mcp")]
    public async Task A_wrong_token_gets_401(string path)
    {
        using var client = _host.CreateClient(token: "not-the-token");

        var response = await client.PostAsync(path, JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mcp_client_is_refused_without_the_token()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => _host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, token: null));
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_endpoints_need_no_token(string path)
    {
        using var client = _host.CreateClient(token: null);

        var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_exchange_returns_a_bearer_session_token()
    {
        using var client = _host.CreateClient();

        var body = await (await client.PostAsync("/api/v1/auth/token_exchange", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(60, body.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task A_session_token_works_until_it_expires()
    {
        var token = await ExchangeAsync();
        using var session = _host.CreateClient(token);

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/plugins")).StatusCode);
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/plugins")).StatusCode);
    }

    [Fact]
    public async Task A_session_token_opens_an_mcp_session()
    {
        var token = await ExchangeAsync();

        await using var mcp = await _host.ConnectMcpAsync(HttpTransportMode.StreamableHttp, token);

        Assert.NotEmpty(await mcp.ListToolsAsync());
    }

    [Fact]
    public async Task A_session_token_cannot_mint_more_tokens()
    {
        using var session = _host.CreateClient(await ExchangeAsync());

        var response = await session.PostAsync("/api/v1/auth/token_exchange", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Request_logs_name_the_token_but_never_contain_it()
    {
        using var client = _host.CreateClient();
        await client.GetAsync("/api/v1/plugins");

        Assert.Contains(_host.Logs.Lines, l => l.Contains("/api/v1/plugins", StringComparison.Ordinal) && l.Contains("access_token", StringComparison.Ordinal));
        _host.Logs.AssertContainsNone(TestHost.Token);
    }

    private async Task<string> ExchangeAsync()
    {
        using var client = _host.CreateClient();
        var body = await (await client.PostAsync("/api/v1/auth/token_exchange", null)).Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }
}
