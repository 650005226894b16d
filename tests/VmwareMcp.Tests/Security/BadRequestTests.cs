using System.Net;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Security;

public sealed class BadRequestTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(TestHost.SettingsFor(null));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var client = _host.CreateClient();

        var response = await client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        using var client = _host.CreateClient();

        var response = await client.DeleteAsync("/api/v1/plugins");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        using var client = _host.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("token_exchange", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
