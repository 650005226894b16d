using System.Net;
using System.Net.Http.Json;
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

    [Theory]
    [InlineData("/api/v1/vms", """{"vm_label":"x","vcpus":"four"}""", "field 'vcpus': expected an integer or null, found the string \"four\"")]
    [InlineData("/api/v1/vms", """{"vm_label":"x","vcpus":2.5}""", "field 'vcpus': expected an integer or null, found the number 2.5")]
    [InlineData("/api/v1/vms", """{"vm_label":"x","power_on":"yes"}""", "field 'power_on': expected true or false, found the string \"yes\"")]
    [InlineData("/api/v1/vms", """{"vcpus":2}""", "missing required field(s): vm_label")]
    [InlineData("/api/v1/vms/power", """{"vm_identifier":"x","desired_state":"EXPLODE"}""",
        "field 'desired_state': expected one of POWER_ON, POWER_OFF, RESET, SUSPEND, SHUTDOWN_GUEST, REBOOT_GUEST, found the string \"EXPLODE\"")]
    [InlineData("/api/v1/vms", """{"vm_label":"x",""", "malformed JSON body at line 1, byte 16")]
    public async Task A_bad_body_is_described_in_the_callers_terms_without_dotnet_type_names(string path, string body, string expected)
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var detail = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("VmwareMcp.", detail, StringComparison.Ordinal);
    }
}
