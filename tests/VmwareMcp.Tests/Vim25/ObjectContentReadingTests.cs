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
    [Fact]
    public void A_leaf_value_keeps_its_text_and_its_xsi_type()
    {
        var vm = ReadAll(ResultPages.Vcenter)[0];

        Assert.Equal(new ManagedObjectReference("VirtualMachine", "vm-42"), vm.Obj);
        Assert.Equal("web & db", vm.Text("name"));
        Assert.Equal("string", Vim.TypeOf(vm["name"]!));
    }

    [Fact]
    public void A_reference_value_keeps_its_managed_object_type()
    {
        Assert.Equal(new ManagedObjectReference("HostSystem", "host-21"), ReadAll(ResultPages.Vcenter)[0].Ref("runtime.host"));
    }

    [Fact]
    public void An_array_value_keeps_its_elements()
    {
        Assert.Equal(["datastore-1", "datastore-2"], ReadAll(ResultPages.Vcenter)[0].Refs("datastore").Select(d => d.Value));
    }

    [Fact]
    public void An_empty_value_is_present_with_empty_text_and_a_missing_path_is_absent()
    {
        var vm = ReadAll(ResultPages.Vcenter)[0];

        Assert.Equal(string.Empty, vm.Text("config.annotation"));
        Assert.Null(vm["guest.ipAddress"]);
    }

    [Fact]
    public void Consecutive_objects_are_each_read_whole()
    {
        Assert.Equal(["vm-42", "vm-43"], ReadAll(ResultPages.Vcenter).Select(o => o.Obj.Value));
    }

    [Fact]
    public void A_namespace_declared_on_each_value_reads_like_one_declared_on_the_envelope()
    {
        var vm = ReadAll(ResultPages.Vcsim)[0];

        Assert.Equal("DC0_H0_VM0", vm.Text("name"));
        Assert.Equal("string", Vim.TypeOf(vm["name"]!));
    }

    internal static List<ObjectContent> ReadAll(string page)
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
