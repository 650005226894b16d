using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Vim25;

/// <summary>
/// A session with the vSphere Automation REST API (<c>/rest</c>, "value"-wrapped answers), for what vim25 does
/// not have: tagging. Logs in with the target's credentials on first use and again when the session is gone;
/// the same certificate policy as the vim25 session. Thread-safe.
/// </summary>
public sealed class VapiSession : IDisposable
{
    private const string SessionHeader = "vmware-api-session-id";
    private readonly TargetOptions _target;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _login = new(1, 1);
    private string? _session;

    /// <summary>Prepares the session; no I/O until the first call.</summary>
    /// <param name="target">The target, whose endpoint's host serves <c>/rest</c>.</param>
    public VapiSession(TargetOptions target)
    {
        _target = target;
        _http = VimEndpoint.CreateHttpClient(target, new CookieContainer(), new CertificateCheck(target));
        _http.BaseAddress = new Uri(target.Endpoint.GetLeftPart(UriPartial.Authority) + "/rest/");
    }

    /// <summary>Calls <paramref name="path"/> (relative to <c>/rest/</c>) and answers its <c>value</c>, or null when it has none.</summary>
    /// <exception cref="HypervisorException">NotFound, Conflict or InvalidArgument as the API says; Unavailable when it cannot be reached.</exception>
    public async Task<JsonNode?> CallAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = _session ?? await LoginAsync(null, cancellationToken);
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add(SessionHeader, session);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                await LoginAsync(session, cancellationToken); // The session expired or the endpoint restarted.
                continue;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Fault(response.StatusCode, method, path, text);
            }

            return text.Length == 0 ? null : JsonNode.Parse(text)?["value"];
        }
    }

    private async Task<string> LoginAsync(string? expired, CancellationToken cancellationToken)
    {
        await _login.WaitAsync(cancellationToken);
        try
        {
            if (_session is { } current && current != expired)
            {
                return current; // Another caller logged in meanwhile.
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "com/vmware/cis/session");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_target.User}:{_target.Password}")));
            using var response = await SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HypervisorException(HypervisorErrorKind.Unavailable, $"target '{_target.Name}' refused a vSphere Automation API login (HTTP {(int)response.StatusCode}); tagging needs a vCenter and the target's credentials");
            }

            return _session = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["value"]?.GetValue<string>()
                ?? throw new HypervisorException(HypervisorErrorKind.Failed, $"target '{_target.Name}' answered the vSphere Automation API login without a session id");
        }
        finally
        {
            _login.Release();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new HypervisorException(HypervisorErrorKind.Unavailable, $"cannot reach the vSphere Automation API of target '{_target.Name}': {ex.Message}", innerException: ex);
        }
    }

    private HypervisorException Fault(HttpStatusCode status, HttpMethod method, string path, string text)
    {
        var type = JsonDocumentType(text);
        var kind = status switch
        {
            HttpStatusCode.NotFound => HypervisorErrorKind.NotFound,
            _ when type?.Contains("already_exists", StringComparison.Ordinal) == true => HypervisorErrorKind.Conflict,
            HttpStatusCode.BadRequest => HypervisorErrorKind.InvalidArgument,
            HttpStatusCode.Forbidden => HypervisorErrorKind.Forbidden,
            _ => HypervisorErrorKind.Failed,
        };
        return new HypervisorException(kind, $"target '{_target.Name}' answered {method} /rest/{path} with HTTP {(int)status}{(type is null ? string.Empty : $" ({type})")}");
    }

    private static string? JsonDocumentType(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            return node?["type"]?.GetValue<string>() ?? node?["value"]?["messages"]?[0]?["id"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _login.Dispose();
    }
}
