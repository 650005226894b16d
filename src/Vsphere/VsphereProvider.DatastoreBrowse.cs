using System.Text.RegularExpressions;
using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Abstractions.Inventory;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>Datastore browsing through the datastore's HostDatastoreBrowser (SearchDatastoreSubFolders_Task).</summary>
public abstract partial class VsphereProvider
{
    /// <summary>Most entries one browse answers; an agent narrows with a folder or a pattern beyond it.</summary>
    private const int MaxBrowseEntries = 5000;

    [GeneratedRegex(@"^[A-Za-z0-9 ._*?\-\[\]]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex BrowsePattern();

    public async Task<IReadOnlyList<DatastoreFile>> BrowseDatastoreAsync(string datastore, string? folder, string? pattern, CancellationToken cancellationToken)
    {
        var relative = CheckedFolder(folder);
        if (pattern is not null && !BrowsePattern().IsMatch(pattern))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument, "pattern must be 1-100 characters of letters, digits, space, . _ - [ ] and the wildcards * and ?");
        }

        var store = (await ListDatastoresAsync(cancellationToken)).FirstOrDefault(d => d.Id == datastore || d.Name == datastore)
            ?? throw new HypervisorException(HypervisorErrorKind.NotFound, $"target '{Target.Name}' has no datastore '{datastore}' (list_datastores shows them)");
        var browser = Vim.Ref((await Client.RetrieveOneAsync(new ManagedObjectReference("Datastore", store.Id), ["browser"], cancellationToken))?["browser"])
            ?? throw new HypervisorException(HypervisorErrorKind.NotSupported, $"datastore '{store.Name}' has no browser");
        var root = $"[{store.Name}] {relative}";
        var result = await Client.RunTaskAsync("SearchDatastoreSubFolders_Task", browser, w => w
            .Text("datastorePath", root)
            .Element("searchSpec", null, spec =>
            {
                spec.Element("details", null, d => d.Bool("fileType", true).Bool("fileSize", true).Bool("modification", true).Bool("fileOwner", false));
                spec.Text("matchPattern", pattern ?? "*");
            }), null, cancellationToken);
        return Files(result, store.Name).Take(MaxBrowseEntries).ToList();
    }

    /// <summary>A folder below the datastore's root: no way up, no absolute path, nothing the SOAP body or a path could misread.</summary>
    private static string CheckedFolder(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return string.Empty;
        }

        var trimmed = folder.Trim().Trim('/');
        if (trimmed.Length > 1024 || trimmed.Contains('\\') || trimmed.Any(char.IsControl) || trimmed.Contains('[') || trimmed.Contains(']')
            || trimmed.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument,
                "folder must be a path below the datastore's root, like iso/linux: no '..', '.', empty parts, backslashes, brackets or control characters, at most 1024 characters");
        }

        return trimmed;
    }

    private static IEnumerable<DatastoreFile> Files(XElement? result, string datastore)
    {
        var prefix = $"[{datastore}]";
        foreach (var found in result?.Elements() ?? [])
        {
            var folderPath = Vim.Text(found, "folderPath") ?? prefix;
            var folder = folderPath.StartsWith(prefix, StringComparison.Ordinal) ? folderPath[prefix.Length..].Trim().TrimEnd('/') : folderPath;
            foreach (var file in found.Elements(VimNamespaces.V + "file"))
            {
                var name = Vim.Text(file, "path") ?? string.Empty;
                yield return new DatastoreFile
                {
                    Path = $"{prefix} {(folder.Length == 0 ? name : folder + "/" + name)}",
                    Folder = folder,
                    Name = name,
                    Type = (string?)file.Attribute(VimNamespaces.XsiNs + "type") switch
                    {
                        "FolderFileInfo" => "folder",
                        "IsoImageFileInfo" => "iso",
                        "VmDiskFileInfo" => "vm_disk",
                        "VmConfigFileInfo" => "vm_config",
                        "VmLogFileInfo" => "vm_log",
                        "VmNvramFileInfo" => "vm_nvram",
                        "FloppyImageFileInfo" => "floppy",
                        _ => "file",
                    },
                    SizeBytes = Vim.Long(file.Element(VimNamespaces.V + "fileSize")),
                    Modified = Vim.Time(file.Element(VimNamespaces.V + "modification")),
                };
            }
        }
    }
}
