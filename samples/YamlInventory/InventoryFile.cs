using VmwareMcp.Abstractions.Errors;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace VmwareMcp.Samples.YamlInventory;

/// <summary>Reads <c>inventory.yaml</c> with this plugin's own YamlDotNet (13.x), whatever version the host uses.</summary>
/// <param name="path">The inventory file.</param>
public sealed class InventoryFile(string path)
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>The VMs in the file, read afresh on every call so an edited file is served at once.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<InventoryVm>> ReadAsync(CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new HypervisorException(HypervisorErrorKind.Unavailable, $"cannot read the inventory file {path}: {ex.Message}", innerException: ex);
        }

        try
        {
            return Reader.Deserialize<InventoryDocument?>(text)?.Vms ?? [];
        }
        catch (YamlException ex)
        {
            throw new HypervisorException(HypervisorErrorKind.Unavailable, $"the inventory file {path} is not valid YAML: {ex.Message}", innerException: ex);
        }
    }

    /// <summary>Where the inventory comes from, and which YamlDotNet this plugin loaded.</summary>
    public InventoryAbout About() =>
        new(path, typeof(IDeserializer).Assembly.GetName().Version?.ToString() ?? "unknown");
}

/// <summary>The file's shape: a list of VMs under <c>vms</c>.</summary>
public sealed class InventoryDocument
{
    /// <summary>The VMs.</summary>
    public List<InventoryVm> Vms { get; set; } = [];
}

/// <summary>One VM as the file describes it.</summary>
public sealed class InventoryVm
{
    /// <summary>Unique name.</summary>
    public string Name { get; set; } = "";

    /// <summary>poweredOn, poweredOff or suspended.</summary>
    public string PowerState { get; set; } = "poweredOff";

    /// <summary>Virtual CPUs.</summary>
    public int NumCpu { get; set; } = 1;

    /// <summary>Memory in MiB.</summary>
    public int MemoryMib { get; set; } = 1024;

    /// <summary>Guest OS identifier.</summary>
    public string? GuestId { get; set; }

    /// <summary>Primary IP address.</summary>
    public string? IpAddress { get; set; }

    /// <summary>Host name.</summary>
    public string? Host { get; set; }

    /// <summary>Free-text notes.</summary>
    public string? Annotation { get; set; }
}

/// <summary>What <c>yaml_inventory_about</c> answers.</summary>
/// <param name="InventoryFile">The file served.</param>
/// <param name="YamlLibraryVersion">The YamlDotNet version this plugin loaded (the host loads its own).</param>
public sealed record InventoryAbout(string InventoryFile, string YamlLibraryVersion);
