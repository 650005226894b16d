using System.Text;
using System.Xml.Linq;
using VmwareMcp.Vim25;
using Xunit;

namespace VmwareMcp.Tests.Vim25;

/// <summary>The byte scanner of RetrievePropertiesEx answers reads what an XmlReader reads, or stops and says where.</summary>
public sealed class RetrieveResultScannerTests
{
    private static readonly string[] Paths = ["name", "runtime.host", "datastore", "config.annotation", "guest.ipAddress"];

    [Theory]
    [InlineData(ResultPages.Vcenter)]
    [InlineData(ResultPages.Vcsim)]
    public void Every_value_reads_as_the_xml_reader_reads_it(string page)
    {
        var scanned = Scan(page, out _, out _);
        var read = ObjectContentReadingTests.ReadAll(page);

        Assert.Equal(read.Select(o => o.Obj), scanned.Select(o => o.Obj));
        foreach (var (expected, actual) in read.Zip(scanned))
        {
            foreach (var path in Paths)
            {
                Assert.Equal(expected.Text(path), actual.Text(path));
                Assert.Equal(expected[path]?.Attribute("type")?.Value, actual[path]?.Attribute("type")?.Value);
                Assert.Equal(expected[path] is { } e ? Vim.TypeOf(e) : null, actual[path] is { } a ? Vim.TypeOf(a) : null);
                Assert.Equal(expected.Refs(path), actual.Refs(path));
            }
        }
    }

    [Fact]
    public void A_reference_value_is_a_reference_without_becoming_an_element()
    {
        Assert.Equal(new ManagedObjectReference("HostSystem", "host-21"), Scan(ResultPages.Vcenter, out _, out _)[0].Ref("runtime.host"));
    }

    [Fact]
    public void The_continuation_token_is_read_wherever_it_stands()
    {
        Scan(ResultPages.Vcenter.Replace("<returnval>", "<returnval><token>t-7</token>", StringComparison.Ordinal), out var token, out _);

        Assert.Equal("t-7", token);
    }

    [Fact]
    public void Line_ends_in_a_value_read_as_an_xml_parser_reads_them()
    {
        var scanned = Scan(ResultPages.Vcenter.Replace("web &amp; db", "one\r\ntwo\rthree &#x41;", StringComparison.Ordinal), out _, out _);

        Assert.Equal("one\ntwo\nthree A", scanned[0].Text("name"));
    }

    [Fact]
    public void An_answer_with_cdata_is_left_to_the_xml_reader_before_any_object_is_handed_on()
    {
        Assert.False(TryScan(ResultPages.Vcenter.Replace("web &amp; db", "<![CDATA[web & db]]>", StringComparison.Ordinal), out var objects, out var delivered));

        Assert.Equal(0, delivered);
        Assert.Empty(objects);
    }

    [Fact]
    public void An_unexpected_element_stops_the_scan_after_the_objects_before_it()
    {
        var page = ResultPages.Vcenter.Replace("<objects><obj type=\"VirtualMachine\">vm-43</obj>", "<other/><objects><obj type=\"VirtualMachine\">vm-43</obj>", StringComparison.Ordinal);

        Assert.False(TryScan(page, out var objects, out var delivered));

        Assert.Equal(1, delivered);
        Assert.Equal(["vm-42"], objects.Select(o => o.Obj.Value));
    }

    [Fact]
    public void Elements_asked_for_by_path_carry_the_values_attributes()
    {
        var name = Scan(ResultPages.Vcenter, out _, out _)[0]["runtime.host"]!;

        Assert.Equal(XName.Get("val", VimNamespaces.Vim), name.Name);
        Assert.Equal("HostSystem", name.Attribute("type")?.Value);
        Assert.Equal("host-21", name.Value);
    }

    private static List<ObjectContent> Scan(string page, out string? token, out int delivered)
    {
        var bytes = Encoding.UTF8.GetBytes(page);
        var objects = new List<ObjectContent>();
        Assert.True(RetrieveResultScanner.TryRead(bytes, bytes.Length, objects.Add, out token, out delivered));
        return objects;
    }

    private static bool TryScan(string page, out List<ObjectContent> objects, out int delivered)
    {
        var bytes = Encoding.UTF8.GetBytes(page);
        var list = new List<ObjectContent>();
        objects = list;
        return RetrieveResultScanner.TryRead(bytes, bytes.Length, list.Add, out _, out delivered);
    }
}
