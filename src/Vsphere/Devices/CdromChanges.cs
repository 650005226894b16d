using System.Text.RegularExpressions;
using System.Xml.Linq;
using VmwareMcp.Abstractions.Errors;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere.Devices;

/// <summary>Builds the device changes that put an ISO in a CD-ROM drive (adding a drive on an IDE controller when there is none) or empty it.</summary>
internal static partial class CdromChanges
{
    private const int NewCdromKey = -1;

    /// <summary>A datastore ISO path: <c>[datastore] folder/name.iso</c>, nothing that leaves the datastore or needs escaping to mean what it says.</summary>
    [GeneratedRegex(@"^\[(?<ds>[^\[\]/\\]{1,80})\] (?<folder>(?:[A-Za-z0-9 ._\-]+/)*)(?<file>[A-Za-z0-9 ._\-]{1,200}\.iso)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoPath();

    /// <summary>The ISO path's datastore, folder and file name.</summary>
    /// <exception cref="HypervisorException">InvalidArgument naming <c>iso</c>.</exception>
    public static (string Datastore, string Folder, string File) Parse(string iso)
    {
        var match = IsoPath().Match(iso ?? string.Empty);
        var folder = match.Success ? match.Groups["folder"].Value.TrimEnd('/') : string.Empty;
        if (!match.Success || folder.Split('/').Any(part => part is "." or "..") || iso!.Length > 1024)
        {
            throw new HypervisorException(HypervisorErrorKind.InvalidArgument,
                "iso must be a datastore path to an .iso file, like '[datastore1] iso/ubuntu.iso': letters, digits, space, . _ - in its folders and name, no '..'; browse_datastore with pattern *.iso lists them");
        }

        return (match.Groups["ds"].Value, folder, match.Groups["file"].Value);
    }

    /// <summary>The change that mounts <paramref name="iso"/>: into the first drive, or into a new drive on a free IDE slot.</summary>
    public static Action<SoapWriter> Mount(DeviceList devices, string iso)
    {
        if (devices.Cdroms.FirstOrDefault() is { } drive)
        {
            return spec => DeviceSpecs.Edit(spec, drive, new Dictionary<string, Action<SoapWriter>>
            {
                ["backing"] = d => IsoBacking(d, iso),
                ["connectable"] = d => DeviceSpecs.Connectable(d, true),
            });
        }

        var ide = devices.Controllers.Where(c => Vim.TypeOf(c) == "VirtualIDEController").FirstOrDefault(c => devices.FreeUnit(c) is not null)
            ?? throw new HypervisorException(HypervisorErrorKind.Conflict, "the VM has no CD-ROM drive and no free IDE slot to add one on");
        var unit = devices.FreeUnit(ide)!.Value;
        var label = devices.NextLabel("CD/DVD drive", devices.Cdroms);
        return spec => DeviceSpecs.Add(spec, "VirtualCdrom", false, d =>
        {
            d.Number("key", NewCdromKey).Info(label, "ISO " + iso);
            IsoBacking(d, iso);
            DeviceSpecs.Connectable(d, true);
            d.Number("controllerKey", DeviceList.Key(ide)).Number("unitNumber", unit);
        });
    }

    /// <summary>The change that empties <paramref name="drive"/>: a client device backing with nothing in it, disconnected.</summary>
    public static Action<SoapWriter> Eject(XElement drive) =>
        spec => DeviceSpecs.Edit(spec, drive, new Dictionary<string, Action<SoapWriter>>
        {
            ["backing"] = d => d.Element("backing", "VirtualCdromRemotePassthroughBackingInfo", b => b.Text("deviceName", string.Empty).Bool("useAutoDetect", false).Bool("exclusive", false)),
            ["connectable"] = d => DeviceSpecs.Connectable(d, false),
        });

    /// <summary>The ISO a drive holds, or null.</summary>
    public static string? IsoOf(XElement drive) =>
        Vim.Path(drive, "backing") is { } backing && Vim.TypeOf(backing) == "VirtualCdromIsoBackingInfo" ? Vim.Text(backing, "fileName") : null;

    private static void IsoBacking(SoapWriter device, string iso) =>
        device.Element("backing", "VirtualCdromIsoBackingInfo", b => b.Text("fileName", iso));
}
