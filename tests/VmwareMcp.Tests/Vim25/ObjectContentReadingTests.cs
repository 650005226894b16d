using System.Xml;
using VmwareMcp.Vim25;
using Xunit;

namespace VmwareMcp.Tests.Vim25;

/// <summary>
/// The lean reader of PropertyCollector results, against the two shapes endpoints send: vCenter declares
/// <c>xsi</c> once on the envelope, vcsim declares it again on every value.
/// </summary>
public sealed class ObjectContentReadingTests
{
    private const string VcenterPage = """
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <soapenv:Body><RetrievePropertiesExResponse xmlns="urn:vim25"><returnval>
        <objects><obj type="VirtualMachine">vm-42</obj>
          <propSet><name>name</name><val xsi:type="xsd:string">web &amp; db</val></propSet>
          <propSet><name>runtime.host</name><val type="HostSystem" xsi:type="ManagedObjectReference">host-21</val></propSet>
          <propSet><name>datastore</name><val xsi:type="ArrayOfManagedObjectReference"><ManagedObjectReference type="Datastore" xsi:type="ManagedObjectReference">datastore-1</ManagedObjectReference><ManagedObjectReference type="Datastore" xsi:type="ManagedObjectReference">datastore-2</ManagedObjectReference></val></propSet>
          <propSet><name>config.annotation</name><val xsi:type="xsd:string"/></propSet>
          <missingSet><path>guest.ipAddress</path><fault><fault xsi:type="NoPermission"/></fault></missingSet>
        </objects>
        <objects><obj type="VirtualMachine">vm-43</obj><propSet><name>name</name><val xsi:type="xsd:string">second</val></propSet></objects>
        </returnval></RetrievePropertiesExResponse></soapenv:Body></soapenv:Envelope>
        """;

    private const string VcsimPage = """
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><RetrievePropertiesExResponse xmlns="urn:vim25"><returnval>
        <objects><obj type="VirtualMachine">vm-93</obj><propSet><name>name</name><val xmlns:XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance" XMLSchema-instance:type="xsd:string">DC0_H0_VM0</val></propSet></objects>
        </returnval></RetrievePropertiesExResponse></soapenv:Body></soapenv:Envelope>
        """;

    [Fact]
    public void A_leaf_value_keeps_its_text_and_its_xsi_type()
    {
        var vm = ReadAll(VcenterPage)[0];

        Assert.Equal(new ManagedObjectReference("VirtualMachine", "vm-42"), vm.Obj);
        Assert.Equal("web & db", vm.Text("name"));
        Assert.Equal("string", Vim.TypeOf(vm["name"]!));
    }

    [Fact]
    public void A_reference_value_keeps_its_managed_object_type()
    {
        Assert.Equal(new ManagedObjectReference("HostSystem", "host-21"), ReadAll(VcenterPage)[0].Ref("runtime.host"));
    }

    [Fact]
    public void An_array_value_keeps_its_elements()
    {
        Assert.Equal(["datastore-1", "datastore-2"], ReadAll(VcenterPage)[0].Refs("datastore").Select(d => d.Value));
    }

    [Fact]
    public void An_empty_value_is_present_with_empty_text_and_a_missing_path_is_absent()
    {
        var vm = ReadAll(VcenterPage)[0];

        Assert.Equal(string.Empty, vm.Text("config.annotation"));
        Assert.Null(vm["guest.ipAddress"]);
    }

    [Fact]
    public void Consecutive_objects_are_each_read_whole()
    {
        Assert.Equal(["vm-42", "vm-43"], ReadAll(VcenterPage).Select(o => o.Obj.Value));
    }

    [Fact]
    public void A_namespace_declared_on_each_value_reads_like_one_declared_on_the_envelope()
    {
        var vm = ReadAll(VcsimPage)[0];

        Assert.Equal("DC0_H0_VM0", vm.Text("name"));
        Assert.Equal("string", Vim.TypeOf(vm["name"]!));
    }

    private static List<ObjectContent> ReadAll(string page)
    {
        using var reader = XmlReader.Create(new StringReader(page), new XmlReaderSettings { IgnoreWhitespace = true });
        var objects = new List<ObjectContent>();
        while (!reader.EOF)
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "objects" })
            {
                objects.Add(ObjectContent.Read(reader));
            }
            else
            {
                reader.Read();
            }
        }

        return objects;
    }
}
