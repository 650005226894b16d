using System.Xml.Linq;
using VmwareMcp.Vim25;

namespace VmwareMcp.Vsphere;

/// <summary>
/// What this host just wrote through to the <see cref="LiveInventory"/>, held over the change feed until the
/// feed catches up. A feed answer collected before our change can arrive after our write-through, and would
/// otherwise put the VM back as it was (a list right after a power-on showing it off).
/// </summary>
/// <remarks>
/// A property is held until the feed delivers the value we read, a deleted VM until the feed says it left;
/// either at most <see cref="HoldFor"/>, after which the feed is trusted again (someone else may have changed
/// the VM since). Used under the inventory's lock.
/// </remarks>
internal sealed class OwnWrites
{
    private static readonly TimeSpan HoldFor = TimeSpan.FromSeconds(15);
    private readonly Dictionary<ManagedObjectReference, Held> _held = [];

    /// <summary>Holds the values of a VM as this host just read it after changing it.</summary>
    public void Wrote(ObjectContent vm) =>
        _held[vm.Obj] = new Held(Environment.TickCount64 + (long)HoldFor.TotalMilliseconds, vm.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    /// <summary>Holds a VM this host just deleted as gone.</summary>
    public void Deleted(ManagedObjectReference vm) =>
        _held[vm] = new Held(Environment.TickCount64 + (long)HoldFor.TotalMilliseconds, null);

    /// <summary>Whether a feed update for <paramref name="obj"/> that is not its leaving must be ignored (we deleted it).</summary>
    public bool IsGone(ManagedObjectReference obj) => Current(obj) is { Values: null };

    /// <summary>The feed said <paramref name="obj"/> left: nothing of it is held any more.</summary>
    public void Left(ManagedObjectReference obj) => _held.Remove(obj);

    /// <summary>
    /// Puts back, over what the feed just applied to <paramref name="properties"/>, the values we wrote that the
    /// feed has not yet delivered; a value the feed delivered as we wrote it is no longer held.
    /// </summary>
    public void Overlay(ManagedObjectReference obj, IReadOnlyCollection<string> delivered, Dictionary<string, XElement> properties)
    {
        if (Current(obj) is not { Values: { } values })
        {
            return;
        }

        foreach (var name in delivered)
        {
            if (values.TryGetValue(name, out var ours) && properties.TryGetValue(name, out var theirs) && Same(ours, theirs))
            {
                values.Remove(name);
            }
        }

        foreach (var (name, ours) in values)
        {
            properties[name] = ours;
        }

        if (values.Count == 0)
        {
            _held.Remove(obj);
        }
    }

    private Held? Current(ManagedObjectReference obj)
    {
        if (!_held.TryGetValue(obj, out var held))
        {
            return null;
        }

        if (Environment.TickCount64 < held.Until)
        {
            return held;
        }

        _held.Remove(obj);
        return null;
    }

    /// <summary>Values compared by their text: a feed's and a read's elements differ in name, attributes and namespace declarations.</summary>
    private static bool Same(XElement a, XElement b) => a.Value == b.Value;

    private sealed record Held(long Until, Dictionary<string, XElement>? Values);
}
