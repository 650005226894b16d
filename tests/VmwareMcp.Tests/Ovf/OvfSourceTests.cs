using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Ovf;

/// <summary>The host reads packages only from where the operator allows: every other source is a 400 naming source, before anything is read or made.</summary>
public sealed class OvfSourceTests(OvfTarget target) : IClassFixture<OvfTarget>
{
    public static TheoryData<string, string> RefusedSources() => new()
    {
        { "/etc/vmwaremcp.ova", "not inside a folder that ovf.allowed_folders allows" },
        { "{folder}/../outside.ova", "not inside a folder that ovf.allowed_folders allows" },
        { "relative/tiny.ova", "neither an absolute path nor an http(s) URL" },
        { "file:///etc/passwd.ova", "not an http(s) URL" },
        { "http://169.254.169.254/latest/x.ova", "plain http" },
        { "https://10.0.0.1/appliances/x.ova", "not under a URL that ovf.allowed_urls allows" },
        { "https://user:secret@images.example/x.ova", "without credentials" },
        { "{folder}/notes.txt", "must name an .ovf or .ova file" },
    };

    [Theory]
    [MemberData(nameof(RefusedSources))]
    public async Task A_source_outside_the_allowed_places_is_a_400_naming_source(string source, string why)
    {
        using var client = target.Host.CreateClient();
        var before = (await target.Inspector.VmsAsync()).Count;

        var response = await client.PostAsJsonAsync("/api/v1/vms/deploy-ovf", new { source = source.Replace("{folder}", target.Packages.Folder, StringComparison.Ordinal), name = "refused" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
        Assert.StartsWith("source", detail, StringComparison.Ordinal);
        Assert.Contains(why, detail, StringComparison.Ordinal);
        Assert.Equal(before, (await target.Inspector.VmsAsync()).Count);
    }

    [Fact]
    public async Task A_link_inside_the_allowed_folder_that_leads_out_of_it_is_refused()
    {
        var outside = Directory.CreateTempSubdirectory("vmwaremcp-outside-").FullName;
        File.Copy(target.Packages.PathOf("tiny.ova"), Path.Combine(outside, "tiny.ova"));
        var link = target.Packages.PathOf("linked.ova");
        File.CreateSymbolicLink(link, Path.Combine(outside, "tiny.ova"));
        using var client = target.Host.CreateClient();

        var response = await client.GetAsync($"/api/v1/ovf?source={Uri.EscapeDataString(link)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Directory.Delete(outside, recursive: true);
    }
}
