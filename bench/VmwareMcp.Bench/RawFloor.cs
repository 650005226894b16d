using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace VmwareMcp.Bench;

/// <summary>
/// The floor for asking vCenter: one RetrievePropertiesEx (plus continuations) over a ContainerView of all
/// VMs with the same properties the product lists, sent as raw SOAP text with nothing parsed but the token.
/// The body is read into one reused buffer and only counted, so the floor is the cost of asking and
/// receiving, not of this program's own allocations.
/// </summary>
internal sealed partial class RawFloor(Uri sdk, string user, string password) : IDisposable
{
    private static readonly string[] Paths =
    [
        "name", "runtime.powerState", "config.template", "summary.config.numCpu", "summary.config.memorySizeMB",
        "summary.config.guestId", "guest.ipAddress", "runtime.host", "parent", "resourcePool", "customValue",
    ];

    private static readonly byte[] ObjectsTag = "<objects>"u8.ToArray();
    private static readonly byte[] TokenTag = "<token>"u8.ToArray();
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
    private byte[] _buffer = new byte[1 << 20];
    private string? _view;

    public async Task LoginAsync()
    {
        await CallAsync("<Login xmlns=\"urn:vim25\"><_this type=\"SessionManager\">SessionManager</_this>" +
            $"<userName>{user}</userName><password>{password}</password></Login>");
        var view = await CallAsync("<CreateContainerView xmlns=\"urn:vim25\"><_this type=\"ViewManager\">ViewManager</_this>" +
            "<container type=\"Folder\">group-d1</container><type>VirtualMachine</type><recursive>true</recursive></CreateContainerView>");
        _view = Returnval().Match(Encoding.UTF8.GetString(view.Span)).Groups[1].Value;
    }

    /// <summary>Lists every VM once; returns how many objects came back.</summary>
    public async Task<int> ListAsync()
    {
        var paths = string.Concat(Paths.Select(p => $"<pathSet>{p}</pathSet>"));
        var body = await CallAsync("<RetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this>" +
            $"<specSet><propSet><type>VirtualMachine</type>{paths}</propSet><objectSet><obj type=\"ContainerView\">{_view}</obj><skip>true</skip>" +
            "<selectSet xsi:type=\"TraversalSpec\"><name>v</name><type>ContainerView</type><path>view</path><skip>false</skip></selectSet></objectSet></specSet>" +
            "<options><maxObjects>1000</maxObjects></options></RetrievePropertiesEx>");
        var count = Count(body, ObjectsTag);
        for (var token = NextToken(body); token is not null; token = NextToken(body))
        {
            body = await CallAsync("<ContinueRetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this>" +
                $"<token>{token}</token></ContinueRetrievePropertiesEx>");
            count += Count(body, ObjectsTag);
        }

        return count;
    }

    /// <summary>The VM's name as vSphere reports it now, read straight from the property collector.</summary>
    public async Task<string> NameOfAsync(string vmId)
    {
        var body = await CallAsync("<RetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this>" +
            $"<specSet><propSet><type>VirtualMachine</type><pathSet>name</pathSet></propSet><objectSet><obj type=\"VirtualMachine\">{vmId}</obj></objectSet></specSet><options/></RetrievePropertiesEx>");
        var text = Encoding.UTF8.GetString(body.Span);
        var start = text.IndexOf("<val", StringComparison.Ordinal);
        start = text.IndexOf('>', start) + 1;
        return text[start..text.IndexOf("</val>", start, StringComparison.Ordinal)];
    }

    /// <summary>Renames a VM behind the host's back, as another vSphere client would (the task is not waited for).</summary>
    public async Task RenameAsync(string vmId, string newName) =>
        await CallAsync($"<Rename_Task xmlns=\"urn:vim25\"><_this type=\"VirtualMachine\">{vmId}</_this><newName>{newName}</newName></Rename_Task>");

    /// <summary>Sends one call; the answer is valid until the next call (one reused buffer).</summary>
    private async Task<ReadOnlyMemory<byte>> CallAsync(string call)
    {
        var envelope = "<?xml version=\"1.0\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
                       $"xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>{call}</soapenv:Body></soapenv:Envelope>";
        using var request = new HttpRequestMessage(HttpMethod.Post, sdk) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(length));
            if (read == 0)
            {
                return _buffer.AsMemory(0, length);
            }

            length += read;
        }
    }

    private static int Count(ReadOnlyMemory<byte> body, byte[] tag)
    {
        var count = 0;
        for (var rest = body.Span; rest.IndexOf(tag) is var at and >= 0; rest = rest[(at + tag.Length)..])
        {
            count++;
        }

        return count;
    }

    private static string? NextToken(ReadOnlyMemory<byte> body)
    {
        var span = body.Span;
        var start = span.IndexOf(TokenTag);
        if (start < 0)
        {
            return null;
        }

        span = span[(start + TokenTag.Length)..];
        return Encoding.UTF8.GetString(span[..span.IndexOf((byte)'<')]);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<returnval type=\"ContainerView\">([^<]+)</returnval>")]
    private static partial Regex Returnval();

}
