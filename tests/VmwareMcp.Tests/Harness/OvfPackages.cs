using System.Formats.Tar;
using System.Text;

namespace VmwareMcp.Tests.Harness;

/// <summary>
/// Tiny OVF packages written to a fresh folder: one VM with 2 vCPUs, 256 MiB, an LSI Logic controller with
/// a 1 GiB disk, a vmxnet3 NIC on the package network <c>appliance-net</c> and a property
/// <c>guestinfo.hostname</c>; as a plain OVF (descriptor and disk side by side) and as an OVA, plus broken ones.
/// </summary>
public sealed class OvfPackages : IDisposable
{
    public const string Network = "appliance-net";

    public const string Property = "guestinfo.hostname";

    public const int DiskBytes = 256 * 1024;

    public OvfPackages()
    {
        Folder = Directory.CreateTempSubdirectory("vmwaremcp-ovf-").FullName;
        var disk = new byte[DiskBytes];
        new Random(7).NextBytes(disk);
        File.WriteAllText(Path.Combine(Folder, "tiny.ovf"), Descriptor("tiny-disk1.vmdk"));
        File.WriteAllBytes(Path.Combine(Folder, "tiny-disk1.vmdk"), disk);
        WriteOva("tiny.ova", ("tiny.ovf", Encoding.UTF8.GetBytes(Descriptor("tiny-disk1.vmdk"))), ("tiny-disk1.vmdk", disk));
        WriteOva("no-disk.ova", ("tiny.ovf", Encoding.UTF8.GetBytes(Descriptor("tiny-disk1.vmdk"))));
        WriteOva("disk-first.ova", ("tiny-disk1.vmdk", disk), ("tiny.ovf", Encoding.UTF8.GetBytes(Descriptor("tiny-disk1.vmdk"))));
        File.WriteAllText(Path.Combine(Folder, "escape.ovf"), Descriptor("../outside.vmdk"));
        File.WriteAllText(Path.Combine(Folder, "entity.ovf"), "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Envelope>&x;</Envelope>");
        File.WriteAllText(Path.Combine(Folder, "notes.txt"), "not a package");
        var descriptor = Encoding.UTF8.GetBytes(Descriptor("tiny-disk1.vmdk"));
        WriteOva("signed.ova", ("tiny.ovf", descriptor), ("tiny.mf", Manifest(("tiny.ovf", descriptor), ("tiny-disk1.vmdk", disk))), ("tiny-disk1.vmdk", disk));
        WriteOva("tampered.ova", ("tiny.ovf", descriptor), ("tiny.mf", Manifest(("tiny.ovf", descriptor), ("tiny-disk1.vmdk", [.. disk, 0]))), ("tiny-disk1.vmdk", disk));
        WriteOva("tampered-descriptor.ova", ("tiny.ovf", descriptor), ("tiny.mf", Manifest(("tiny.ovf", [.. descriptor, 0]), ("tiny-disk1.vmdk", disk))), ("tiny-disk1.vmdk", disk));
        WriteOva("garbage-manifest.ova", ("tiny.ovf", descriptor), ("tiny.mf", [0xff, 0xfe, .. "SHA256(tiny.ovf)= \\udc00\n"u8]), ("tiny-disk1.vmdk", disk));
        File.WriteAllBytes(Path.Combine(Folder, "tampered.ovf"), descriptor);
        File.WriteAllBytes(Path.Combine(Folder, "tampered.mf"), Manifest(("tampered.ovf", descriptor), ("tiny-disk1.vmdk", [.. disk, 0])));
        var whole = File.ReadAllBytes(Path.Combine(Folder, "tiny.ova"));
        File.WriteAllBytes(Path.Combine(Folder, "truncated.ova"), whole[..(whole.Length - DiskBytes / 2 - 1024)]);
    }

    /// <summary>The folder holding the packages, to allow in <c>ovf.allowed_folders</c>.</summary>
    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>A .mf in the format ovftool writes: <c>SHA256(file)= hex</c>, one line per file.</summary>
    private static byte[] Manifest(params (string Name, byte[] Data)[] files) =>
        Encoding.UTF8.GetBytes(string.Concat(files.Select(f => $"SHA256({f.Name})= {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(f.Data)).ToLowerInvariant()}\n")));

    private void WriteOva(string name, params (string Name, byte[] Data)[] entries)
    {
        using var file = File.Create(Path.Combine(Folder, name));
        using var tar = new TarWriter(file, TarEntryFormat.Ustar);
        foreach (var (entryName, data) in entries)
        {
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, entryName) { DataStream = new MemoryStream(data) });
        }
    }

    private static string Descriptor(string diskHref) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData" xmlns:vmw="http://www.vmware.com/schema/ovf">
          <References>
            <File ovf:href="{diskHref}" ovf:id="file1" ovf:size="{DiskBytes}"/>
          </References>
          <DiskSection>
            <Info>Virtual disk information</Info>
            <Disk ovf:capacity="1" ovf:capacityAllocationUnits="byte * 2^30" ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"/>
          </DiskSection>
          <NetworkSection>
            <Info>The list of logical networks</Info>
            <Network ovf:name="{Network}"><Description>The appliance's network</Description></Network>
          </NetworkSection>
          <VirtualSystem ovf:id="tiny">
            <Info>A tiny virtual machine</Info>
            <Name>tiny</Name>
            <OperatingSystemSection ovf:id="101" vmw:osType="otherLinux64Guest"><Info>The guest operating system</Info></OperatingSystemSection>
            <ProductSection>
              <Info>The appliance</Info>
              <Product>Tiny Appliance</Product>
              <Version>1.0</Version>
              <Property ovf:key="{Property}" ovf:type="string" ovf:value=""/>
            </ProductSection>
            <VirtualHardwareSection>
              <Info>Virtual hardware requirements</Info>
              <System><vssd:ElementName>Virtual Hardware Family</vssd:ElementName><vssd:InstanceID>0</vssd:InstanceID><vssd:VirtualSystemIdentifier>tiny</vssd:VirtualSystemIdentifier><vssd:VirtualSystemType>vmx-13</vssd:VirtualSystemType></System>
              <Item><rasd:AllocationUnits>hertz * 10^6</rasd:AllocationUnits><rasd:ElementName>2 virtual CPUs</rasd:ElementName><rasd:InstanceID>1</rasd:InstanceID><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>2</rasd:VirtualQuantity></Item>
              <Item><rasd:AllocationUnits>byte * 2^20</rasd:AllocationUnits><rasd:ElementName>256 MB of memory</rasd:ElementName><rasd:InstanceID>2</rasd:InstanceID><rasd:ResourceType>4</rasd:ResourceType><rasd:VirtualQuantity>256</rasd:VirtualQuantity></Item>
              <Item><rasd:Address>0</rasd:Address><rasd:ElementName>SCSI controller 0</rasd:ElementName><rasd:InstanceID>3</rasd:InstanceID><rasd:ResourceSubType>lsilogic</rasd:ResourceSubType><rasd:ResourceType>6</rasd:ResourceType></Item>
              <Item><rasd:AddressOnParent>0</rasd:AddressOnParent><rasd:ElementName>Hard disk 1</rasd:ElementName><rasd:HostResource>ovf:/disk/vmdisk1</rasd:HostResource><rasd:InstanceID>4</rasd:InstanceID><rasd:Parent>3</rasd:Parent><rasd:ResourceType>17</rasd:ResourceType></Item>
              <Item><rasd:AddressOnParent>7</rasd:AddressOnParent><rasd:AutomaticAllocation>true</rasd:AutomaticAllocation><rasd:Connection>{Network}</rasd:Connection><rasd:ElementName>Network adapter 1</rasd:ElementName><rasd:InstanceID>5</rasd:InstanceID><rasd:ResourceSubType>VmxNet3</rasd:ResourceSubType><rasd:ResourceType>10</rasd:ResourceType></Item>
            </VirtualHardwareSection>
          </VirtualSystem>
        </Envelope>
        """;
}
