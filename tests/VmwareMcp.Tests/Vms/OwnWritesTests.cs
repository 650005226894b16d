using System.Xml.Linq;
using VmwareMcp.Vim25;
using VmwareMcp.Vsphere;

namespace VmwareMcp.Tests.Vms;

/// <summary>
/// The order a feed answer and this host's write-through can arrive in, which the simulator cannot be made to
/// produce on demand: a feed answer collected before our change must not undo it.
/// </summary>
public sealed class OwnWritesTests
{
    private static readonly ManagedObjectReference Vm = new("VirtualMachine", "vm-1");

    [Fact]
    public void A_stale_feed_value_does_not_overwrite_what_we_just_wrote()
    {
        var writes = new OwnWrites();
        writes.Wrote(new ObjectContent(Vm, Properties(("runtime.powerState", "poweredOn"))));
        var cached = Properties(("runtime.powerState", "poweredOff"));

        writes.Overlay(Vm, ["runtime.powerState"], cached);

        Assert.Equal("poweredOn", cached["runtime.powerState"].Value);
    }

    [Fact]
    public void Once_the_feed_delivers_our_value_its_later_values_are_trusted()
    {
        var writes = new OwnWrites();
        writes.Wrote(new ObjectContent(Vm, Properties(("runtime.powerState", "poweredOn"))));
        writes.Overlay(Vm, ["runtime.powerState"], Properties(("runtime.powerState", "poweredOn")));
        var later = Properties(("runtime.powerState", "suspended"));

        writes.Overlay(Vm, ["runtime.powerState"], later);

        Assert.Equal("suspended", later["runtime.powerState"].Value);
    }

    [Fact]
    public void A_vm_we_deleted_is_gone_until_the_feed_says_it_left()
    {
        var writes = new OwnWrites();
        writes.Deleted(Vm);

        Assert.True(writes.IsGone(Vm));
        writes.Left(Vm);
        Assert.False(writes.IsGone(Vm));
    }

    private static Dictionary<string, XElement> Properties(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => new XElement(VimNamespaces.V + "val", v.Value), StringComparer.Ordinal);
}
