using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using VmwareMcp.Tests.Conformance;

namespace VmwareMcp.Tests.Harness;

/// <summary>
/// A real OpenID provider (oidc-provider from npm, tests/conformance/openid-provider.mjs) on a free loopback
/// port, minting JWT access tokens by client credentials for a named resource.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new();

    private OpenIdProvider(Process process, string issuer)
    {
        _process = process;
        Issuer = issuer;
    }

    /// <summary>The issuer, exactly as tokens carry it in <c>iss</c>.</summary>
    public string Issuer { get; }

    public static async Task<OpenIdProvider> StartAsync(int tokenSeconds = 300)
    {
        if (!File.Exists(NodeClient.Node22))
        {
            throw new InvalidOperationException($"{NodeClient.Node22} is missing: run scripts/test.sh (it runs npm ci in tests/conformance)");
        }

        var start = new ProcessStartInfo(NodeClient.Node22, ["openid-provider.mjs", "--port", "0"])
        {
            WorkingDirectory = ConformancePlan.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TOKEN_TTL"] = tokenSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { }; // its warnings, read so the pipe never fills
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ready = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (ready is null || !ready.StartsWith("ready ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the OpenID provider did not start: '{ready}'");
        }

        return new OpenIdProvider(process, ready["ready ".Length..]);
    }

    /// <summary>A client-credentials access token for <paramref name="resource"/> (RFC 8707), as an MCP client would get one.</summary>
    public async Task<string> TokenAsync(string client, string scope, string resource)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Issuer + "/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope, ["resource"] = resource }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{client}:{client}-secret")));
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"the provider refused a token to {client}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
