using System.Net;
using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Targets;

namespace VmwareMcp.Vim25;

/// <summary>
/// One authenticated vim25 session with one target over one long-lived HttpClient. Thread-safe.
/// </summary>
/// <remarks>
/// Every failure leaves as <see cref="HypervisorException"/>: faults translated by <see cref="VimFaults"/>,
/// network trouble and time-outs as <see cref="HypervisorErrorKind.Unavailable"/>. An expired or
/// terminated session (NotAuthenticated) is renewed once, transparently, and the call retried.
/// </remarks>
public sealed partial class VimClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CertificateCheck _certificates;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private readonly SemaphoreSlim _inFlight;
    private ServiceContent? _content;
    private int _sessionGeneration;
    private bool _loggedIn;
    private int _disposed;

    /// <summary>Creates the client; nothing is sent until the first call.</summary>
    /// <param name="target">The endpoint and credentials.</param>
    /// <param name="logger">Logs session events, never credentials.</param>
    public VimClient(TargetOptions target, ILogger logger)
    {
        Target = target;
        _logger = logger;
        _inFlight = new SemaphoreSlim(target.MaxConcurrentCalls, target.MaxConcurrentCalls);
        _certificates = new CertificateCheck(target);
        _http = VimEndpoint.CreateHttpClient(target, new CookieContainer(), _certificates);
        Views = new SessionViews(this);
    }

    /// <summary>The target this client talks to.</summary>
    public TargetOptions Target { get; }

    /// <summary>Container views kept for this session.</summary>
    internal SessionViews Views { get; }

    /// <summary>Counts logins, so what belongs to one session can tell it has been renewed.</summary>
    internal int SessionGeneration => Volatile.Read(ref _sessionGeneration);

    /// <summary>The endpoint's ServiceContent (anonymous; cached after the first call).</summary>
    public async Task<ServiceContent> GetServiceContentAsync(CancellationToken cancellationToken)
    {
        if (_content is not null)
        {
            return _content;
        }

        var values = await SendAsync("RetrieveServiceContent", Vim.ServiceInstance, null, (reader, _) => VimResponseReader.ReadReturnValues(reader), cancellationToken);
        return _content = ServiceContent.Parse(values[0]);
    }

    /// <summary>Calls a method and returns its <c>returnval</c> elements.</summary>
    /// <param name="method">The vim25 method.</param>
    /// <param name="target">The object it is called on.</param>
    /// <param name="body">Writes the arguments after <c>_this</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<List<XElement>> InvokeAsync(string method, ManagedObjectReference target, Action<SoapWriter>? body, CancellationToken cancellationToken) =>
        InvokeAsync(method, target, body, VimResponseReader.ReadReturnValues, cancellationToken);

    /// <summary>Calls a method and reads the response element with <paramref name="read"/>.</summary>
    /// <remarks>
    /// The body is buffered before it is parsed: a synchronous XmlReader over memory parses a 5,000-VM answer
    /// in about half the time an asynchronous one over the network stream takes (measured against vcsim).
    /// </remarks>
    /// <typeparam name="T">What <paramref name="read"/> produces.</typeparam>
    /// <param name="method">The vim25 method.</param>
    /// <param name="target">The object it is called on.</param>
    /// <param name="body">Writes the arguments after <c>_this</c>.</param>
    /// <param name="read">Reads the response, positioned on the response element.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<T> InvokeAsync<T>(string method, ManagedObjectReference target, Action<SoapWriter>? body, Func<XmlReader, T> read, CancellationToken cancellationToken) =>
        InvokeAsync(method, target, body, (reader, _) => read(reader), cancellationToken);

    /// <summary>As the public overload, with the buffered answer beside the reader, for readers that scan its bytes.</summary>
    internal async Task<T> InvokeAsync<T>(string method, ManagedObjectReference target, Action<SoapWriter>? body, Func<XmlReader, ResponseBody, T> read, CancellationToken cancellationToken)
    {
        await EnsureLoggedInAsync(cancellationToken);
        var generation = Volatile.Read(ref _sessionGeneration);
        try
        {
            return await SendAsync(method, target, body, read, cancellationToken);
        }
        catch (HypervisorException ex) when (ex.Fault == "NotAuthenticated")
        {
            LogSessionLost(_logger, Target.Name);
            await LoginAsync(generation, cancellationToken);
            return await SendAsync(method, target, body, read, cancellationToken);
        }
    }

    private async Task EnsureLoggedInAsync(CancellationToken cancellationToken)
    {
        if (!Volatile.Read(ref _loggedIn))
        {
            await LoginAsync(Volatile.Read(ref _sessionGeneration), cancellationToken);
        }
    }

    /// <summary>Logs in unless another caller already renewed the session since <paramref name="seenGeneration"/>.</summary>
    private async Task LoginAsync(int seenGeneration, CancellationToken cancellationToken)
    {
        await _loginGate.WaitAsync(cancellationToken);
        try
        {
            if (_loggedIn && _sessionGeneration != seenGeneration)
            {
                return;
            }

            var content = await GetServiceContentAsync(cancellationToken);
            try
            {
                await SendAsync(
                    "Login",
                    content.SessionManager,
                    w => w.Text("userName", Target.User).Text("password", Target.Password),
                    (reader, _) => VimResponseReader.ReadReturnValues(reader),
                    cancellationToken);
            }
            catch (HypervisorException ex) when (ex.Fault == "InvalidLogin")
            {
                throw new HypervisorException(HypervisorErrorKind.Unavailable,
                    $"target '{Target.Name}' rejected the login of '{Target.User}': check login_credential and secret_key", ex.Fault);
            }

            _sessionGeneration++;
            Volatile.Write(ref _loggedIn, true);
            LogLoggedIn(_logger, Target.Name, Target.User);
        }
        finally
        {
            _loginGate.Release();
        }
    }

    /// <summary>How long a call waits for a free slot before the target counts as busy.</summary>
    private static readonly TimeSpan BusyWait = TimeSpan.FromSeconds(10);

    private async Task<T> SendAsync<T>(string method, ManagedObjectReference target, Action<SoapWriter>? body, Func<XmlReader, ResponseBody, T> read, CancellationToken cancellationToken)
    {
        // Long polls wait on the endpoint's side by design and would starve real calls of slots.
        if (method == "WaitForUpdatesEx")
        {
            return await SendNowAsync(method, target, body, read, cancellationToken);
        }

        if (!await _inFlight.WaitAsync(BusyWait, cancellationToken))
        {
            throw new HypervisorException(HypervisorErrorKind.Unavailable,
                $"target '{Target.Name}' is busy: {Target.MaxConcurrentCalls} calls are in flight (max_concurrent_calls); retry shortly")
            {
                RetryAfter = TimeSpan.FromSeconds(5),
            };
        }

        try
        {
            return await SendNowAsync(method, target, body, read, cancellationToken);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task<T> SendNowAsync<T>(string method, ManagedObjectReference target, Action<SoapWriter>? body, Func<XmlReader, ResponseBody, T> read, CancellationToken cancellationToken)
    {
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var activity = VimTelemetry.Start(Target.Name, method, Target.Endpoint);
        try
        {
            var answer = await SendSoapAsync(method, target, body, read, cancellationToken);
            VimTelemetry.End(activity, Target.Name, method, startedAt, null);
            return answer;
        }
        catch (Exception ex)
        {
            VimTelemetry.End(activity, Target.Name, method, startedAt, ex);
            throw;
        }
    }

    private async Task<T> SendSoapAsync<T>(string method, ManagedObjectReference target, Action<SoapWriter>? body, Func<XmlReader, ResponseBody, T> read, CancellationToken cancellationToken)
    {
        byte[] envelope;
        try
        {
            envelope = SoapWriter.Envelope(method, target, body);
        }
        catch (ArgumentException ex)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"a value cannot be sent to vSphere: {ex.Message}", innerException: ex);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Target.OperationTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty) { Content = new ByteArrayContent(envelope) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("SOAPAction", _content is null ? "urn:vim25" : $"urn:vim25/{_content.About.ApiVersion}");
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            if (!mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase))
            {
                throw new HypervisorException(HypervisorErrorKind.Unavailable,
                    $"target '{Target.Name}' answered {method} with HTTP {(int)response.StatusCode} and no SOAP body: is {Target.Endpoint} a vSphere SDK endpoint?");
            }

            using var answer = await ResponseBody.ReadAsync(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token);
            using var reader = XmlReader.Create(answer.AsStream(), VimResponseReader.Settings);
            try
            {
                VimResponseReader.MoveToResponse(reader);
                return read(reader, answer);
            }
            catch (VimFaultException fault)
            {
                throw VimFaults.Translate(fault.FaultType, fault.Message);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HypervisorException(HypervisorErrorKind.Unavailable,
                $"target '{Target.Name}' did not answer {method} within {Target.OperationTimeout.TotalSeconds:0} s (operation_timeout_seconds)");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            var why = ex.InnerException is System.Security.Authentication.AuthenticationException && _certificates.LastRefusal is { } refusal ? refusal : ex.Message;
            throw new HypervisorException(HypervisorErrorKind.Unavailable, $"cannot reach target '{Target.Name}' at {Target.Endpoint}: {why}", innerException: ex);
        }
        catch (XmlException ex)
        {
            throw new HypervisorException(HypervisorErrorKind.Unavailable, $"target '{Target.Name}' sent malformed XML for {method}: {ex.Message}", innerException: ex);
        }
    }

    /// <summary>Logs out (best effort) and releases the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_loggedIn && _content is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await SendAsync("Logout", _content.SessionManager, null, (reader, _) => VimResponseReader.ReadReturnValues(reader), timeout.Token);
            }
            catch (HypervisorException)
            {
                // The session expires on its own; nothing to do when the endpoint is gone.
            }
        }

        _http.Dispose();
        _loginGate.Dispose();
        _inFlight.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Logged in to target {Target} as {User}")]
    private static partial void LogLoggedIn(ILogger logger, string target, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session with target {Target} was lost (NotAuthenticated); logging in again")]
    private static partial void LogSessionLost(ILogger logger, string target);
}
