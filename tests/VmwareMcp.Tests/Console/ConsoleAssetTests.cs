using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VmwareMcp.Tests.Console;

/// <summary>The console's page and assets as the host serves them, and the route that tells it who signed in.</summary>
public sealed class ConsoleAssetTests(ConsoleHost target) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task The_page_is_served_without_a_token_under_a_policy_that_runs_only_its_own_scripts()
    {
        using var anonymous = target.Host.CreateClient(token: null);

        using var page = await anonymous.GetAsync("/ui");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_module_is_served_as_javascript_and_revalidates_by_etag()
    {
        using var anonymous = target.Host.CreateClient(token: null);
        using var first = await anonymous.GetAsync("/ui/views/vms.js");
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/ui/views/vms.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task A_file_the_console_does_not_have_is_a_404_naming_it()
    {
        using var anonymous = target.Host.CreateClient(token: null);

        using var missing = await anonymous.GetAsync("/ui/secrets.js");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("secrets.js", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ui/..%2f..%2fetc%2fpasswd")]
    [InlineData("/ui/%2e%2e/%2e%2e/Program.cs")]
    [InlineData("/ui/%ff%fe.js")]
    [InlineData("/ui/console.js%00.html")]
    public async Task A_hostile_asset_path_is_a_4xx_never_a_file_outside_the_console(string path)
    {
        using var anonymous = target.Host.CreateClient(token: null);

        using var response = await anonymous.GetAsync(path);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData(ConsoleHost.Admin, "admin", new[] { "read", "operate", "admin" })]
    [InlineData(ConsoleHost.Reader, "read", new[] { "read" })]
    public async Task The_caller_route_names_the_token_and_its_scopes(string token, string scope, string[] scopes)
    {
        using var client = target.Host.CreateClient(token);

        var caller = await client.GetFromJsonAsync<JsonElement>("/api/v1/caller");

        Assert.Equal(scope, caller.GetProperty("scope").GetString());
        Assert.Equal(scopes, caller.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }
}
