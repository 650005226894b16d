using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Ovf;

/// <summary>A file the import wants uploaded: its name in the package and the device it becomes.</summary>
/// <param name="DeviceId">Matches a lease device URL's import key.</param>
/// <param name="Path">The file's href in the package.</param>
/// <param name="Size">Its size in bytes, when the descriptor says.</param>
/// <param name="Create">PUT it as a new file rather than POST it as a stream-optimized disk.</param>
internal sealed record OvfFileItem(string DeviceId, string Path, long? Size, bool Create);

/// <summary>What OvfManager.CreateImportSpec made of a descriptor: the import spec to hand ImportVApp and the files to upload.</summary>
internal sealed record OvfImportSpec(XElement Spec, IReadOnlyList<OvfFileItem> Files, IReadOnlyList<string> Warnings)
{
    /// <summary>What the deployment asks of CreateImportSpec, resolved to managed objects.</summary>
    public sealed record Request(string Name, ManagedObjectReference Pool, ManagedObjectReference Datastore, IReadOnlyDictionary<string, ManagedObjectReference> Networks,
        string Provisioning, string? DeploymentOption, IReadOnlyDictionary<string, string>? Properties);

    public static async Task<OvfImportSpec> CreateAsync(VimClient client, ManagedObjectReference ovfManager, OvfDescriptor descriptor, Request request, string source, CancellationToken cancellationToken)
    {
        // Members in the WSDL's order: vCenter's deserializer insists on it.
        var answer = await client.InvokeAsync("CreateImportSpec", ovfManager, w => w
            .Text("ovfDescriptor", descriptor.Text)
            .Ref("resourcePool", request.Pool)
            .Ref("datastore", request.Datastore)
            .Element("cisp", null, cisp =>
            {
                cisp.Text("locale", string.Empty).Text("deploymentOption", request.DeploymentOption ?? string.Empty).Text("entityName", request.Name);

                foreach (var (name, network) in request.Networks)
                {
                    cisp.Element("networkMapping", null, m => m.Text("name", name).Ref("network", network));
                }

                foreach (var (key, value) in request.Properties ?? new Dictionary<string, string>())
                {
                    cisp.Element("propertyMapping", null, m => m.Text("key", key).Text("value", value));
                }

                cisp.Text("diskProvisioning", request.Provisioning);
            }), cancellationToken);

        var result = answer.FirstOrDefault() ?? throw new HypervisorException(HypervisorErrorKind.Failed, "CreateImportSpec answered nothing");
        var errors = Messages(result, "error");
        if (errors.Count > 0)
        {
            throw OvfDescriptor.Invalid(source, $"vSphere cannot import it: {string.Join("; ", errors)}");
        }

        var spec = result.Element(VimNamespaces.V + "importSpec") ?? throw OvfDescriptor.Invalid(source, "vSphere made no import spec of it");
        var files = result.Elements(VimNamespaces.V + "fileItem").Select(f => new OvfFileItem(
            Vim.Text(f, "deviceId") ?? string.Empty,
            Vim.Text(f, "path") ?? string.Empty,
            Vim.Long(f.Element(VimNamespaces.V + "size")) is { } size and > 0 ? size : null,
            Vim.Bool(f.Element(VimNamespaces.V + "create")) == true)).ToList();

        // ImportVApp takes the spec as its "spec" argument, typed as CreateImportSpec typed it.
        return new OvfImportSpec(new XElement(VimNamespaces.V + "spec", spec.Attributes(), spec.Nodes()), files, Messages(result, "warning"));
    }

    private static List<string> Messages(XElement result, string kind) =>
        result.Elements(VimNamespaces.V + kind).Select(e => Vim.Text(e, "localizedMessage") ?? e.Element(VimNamespaces.V + "fault")?.Attributes().FirstOrDefault(a => a.Name.LocalName == "type")?.Value ?? "unknown").ToList();
}
