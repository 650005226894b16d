using System.Xml.Linq;

namespace VmwareMcp.Tests.Harness;

/// <summary>A VM's devices, hardware version and guest, read from the simulator's own XML.</summary>
public sealed partial class SimulatorInspector
{
    /// <summary>One virtual device as the simulator keeps it; members a device type lacks are null.</summary>
    public sealed record DeviceRecord(
        string Type, int Key, string? Label, long? CapacityKb, int? ControllerKey, int? Unit, string? BackingType, string? FileName,
        bool? Thin, bool? EagerlyScrub, string? NetworkName, string? PortgroupKey, bool? Connected, string? Mac, int? BusNumber);

    public async Task<List<DeviceRecord>> DevicesAsync(string vmId)
    {
        await EnsureLoginAsync();
        var devices = (await RetrieveObjectAsync("VirtualMachine", vmId, ["config.hardware.device"]))["config.hardware.device"];
        return devices.Elements().Select(d =>
        {
            var backing = d.Element(V + "backing");
            return new DeviceRecord(
                (string?)d.Attribute(Xsi + "type") ?? "?",
                int.Parse(d.Element(V + "key")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                d.Element(V + "deviceInfo")?.Element(V + "label")?.Value,
                Long(d.Element(V + "capacityInKB")),
                (int?)Long(d.Element(V + "controllerKey")),
                (int?)Long(d.Element(V + "unitNumber")),
                (string?)backing?.Attribute(Xsi + "type"),
                backing?.Element(V + "fileName")?.Value,
                Flag(backing?.Element(V + "thinProvisioned")),
                Flag(backing?.Element(V + "eagerlyScrub")),
                backing?.Element(V + "deviceName")?.Value,
                backing?.Element(V + "port")?.Element(V + "portgroupKey")?.Value,
                Flag(d.Element(V + "connectable")?.Element(V + "connected")),
                d.Element(V + "macAddress")?.Value,
                (int?)Long(d.Element(V + "busNumber")));
        }).ToList();
    }

    /// <summary>The VM's <c>config.version</c>.</summary>
    public async Task<string> HardwareVersionAsync(string vmId)
    {
        await EnsureLoginAsync();
        return (await RetrieveObjectAsync("VirtualMachine", vmId, ["config.version"]))["config.version"].Value;
    }

    /// <summary>Sets the version behind the product's back, as an old VM would have it (vcsim takes it in a reconfigure).</summary>
    public async Task SetHardwareVersionAsync(string vmId, string version)
    {
        await EnsureLoginAsync();
        await WaitTaskAsync((await CallAsync("ReconfigVM_Task", "VirtualMachine", vmId, $"<spec><version>{version}</version></spec>")).Element(V + "returnval")!.Value);
    }

    /// <summary>What the guest reports: host name and primary IP address (empty when none).</summary>
    public async Task<(string HostName, string IpAddress)> GuestAsync(string vmId)
    {
        await EnsureLoginAsync();
        var props = await RetrieveObjectAsync("VirtualMachine", vmId, ["guest.hostName", "guest.ipAddress"]);
        return (props.GetValueOrDefault("guest.hostName")?.Value ?? string.Empty, props.GetValueOrDefault("guest.ipAddress")?.Value ?? string.Empty);
    }

    /// <summary>The VM's <c>config.extraConfig</c> (where an OVF's property values land), by key.</summary>
    public async Task<Dictionary<string, string>> ExtraConfigAsync(string vmId)
    {
        await EnsureLoginAsync();
        var props = await RetrieveObjectAsync("VirtualMachine", vmId, ["config.extraConfig"]);
        return (props.GetValueOrDefault("config.extraConfig")?.Elements() ?? [])
            .ToDictionary(o => o.Element(V + "key")!.Value, o => o.Element(V + "value")?.Value ?? string.Empty, StringComparer.Ordinal);
    }

    private static long? Long(XElement? element) => element is null ? null : long.Parse(element.Value, System.Globalization.CultureInfo.InvariantCulture);

    private static bool? Flag(XElement? element) => element is null ? null : element.Value == "true";
}
