using VmwareMcp.Host.Configuration;
using VmwareMcp.Tests.Configuration;

namespace VmwareMcp.Tests.OAuth;

/// <summary>What the oauth: section may not say, each refused at start naming the key.</summary>
public sealed class OAuthSettingsTests
{
    [Theory]
    [InlineData("oauth:\n  audience: \"https://mcp.example/mcp\"\n", "oauth:issuer")]
    [InlineData("oauth:\n  issuer: \"https://idp.example\"\n", "oauth:audience")]
    [InlineData("oauth:\n  issuer: \"http://idp.example\"\n  audience: \"https://mcp.example/mcp\"\n", "plain http")]
    [InlineData("oauth:\n  issuer: \"idp\"\n  audience: \"https://mcp.example/mcp\"\n", "oauth:issuer")]
    public void A_wrong_oauth_section_stops_the_start_naming_what_is_wrong(string yaml, string named)
    {
        var error = Assert.Throws<ConfigurationException>(() => HostSettingsLoader.Load(
            SettingsFiles.Write("settings.yml", SettingsFiles.SeedYaml + "\n" + yaml), new Dictionary<string, string>(), "/opt/vmwaremcp"));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_oauth_no_static_token_is_needed()
    {
        var yaml = SettingsFiles.SeedYaml.Replace("access_token:", "# access_token:", StringComparison.Ordinal)
            + "\noauth:\n  issuer: \"https://idp.example\"\n  audience: \"https://mcp.example/mcp\"\n";

        var (settings, _) = HostSettingsLoader.Load(SettingsFiles.Write("settings.yml", yaml), new Dictionary<string, string>(), "/opt/vmwaremcp");

        Assert.Equal("https://idp.example", settings.OAuth!.Issuer);
        Assert.Empty(settings.Tokens);
    }
}
