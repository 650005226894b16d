using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace VmwareMcp.Bench;

/// <summary>
/// The floor for asking vCenter: one RetrievePropertiesEx (plus continuations) over a ContainerView of all
/// VMs with the same properties the product lists, sent as raw SOAP text with nothing parsed but the token.
/// </summary>
internal sealed partial class RawFloor(Uri sdk, string user, string password) : IDisposable
{
    private static readonly string[] Paths =
    [
        "name", "runtime.powerState", "config.template", "summary.config.numCpu", "summary.config.memorySizeMB",
        "summary.config.guestId", "guest.ipAddress", "runtime.host",
    ];

    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
    private string? _view;

    public async Task LoginAsync()
    {
        await CallAsync("<Login xmlns=\"urn:vim25\"><_this type=\"SessionManager\">SessionManager</_this>" +
            $"<userName>{user}</userName><password>{password}</password></Login>");
        var view = await CallAsync("<CreateContainerView xmlns=\"urn:vim25\"><_this type=\"ViewManager\">ViewManager</_this>" +
            "<container type=\"Folder\">group-d1</container><type>VirtualMachine</type><recursive>true</recursive></CreateContainerView>");
        _view = Returnval().Match(view).Groups[1].Value;
    }

    /// <summary>Lists every VM once; returns how many objects came back.</summary>
    public async Task<int> ListAsync()
    {
        var paths = string.Concat(Paths.Select(p => $"<pathSet>{p}</pathSet>"));
        var body = await CallAsync("<RetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this>" +
            $"<specSet><propSet><type>VirtualMachine</type>{paths}</propSet><objectSet><obj type=\"ContainerView\">{_view}</obj><skip>true</skip>" +
            "<selectSet xsi:type=\"TraversalSpec\"><name>v</name><type>ContainerView</type><path>view</path><skip>false</skip></selectSet></objectSet></specSet>" +
            "<options><maxObjects>1000</maxObjects></options></RetrievePropertiesEx>");
        var count = Objects().Count(body);
        for (var token = Token().Match(body); token.Success; token = Token().Match(body))
        {
            body = await CallAsync("<ContinueRetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this>" +
                $"<token>{token.Groups[1].Value}</token></ContinueRetrievePropertiesEx>");
            count += Objects().Count(body);
        }

        return count;
    }

    private async Task<string> CallAsync(string call)
    {
        var envelope = "<?xml version=\"1.0\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
                       $"xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>{call}</soapenv:Body></soapenv:Envelope>";
        using var response = await _http.PostAsync(sdk, new StringContent(envelope, Encoding.UTF8, "text/xml"));
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<returnval type=\"ContainerView\">([^<]+)</returnval>")]
    private static partial Regex Returnval();

    [GeneratedRegex("<token>([^<]+)</token>")]
    private static partial Regex Token();

    [GeneratedRegex("<objects>")]
    private static partial Regex Objects();
}
