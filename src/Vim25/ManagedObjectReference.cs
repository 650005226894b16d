namespace VmwareMcp.Vim25;

/// <summary>A vSphere managed object reference: its type and id (<c>VirtualMachine:vm-42</c>).</summary>
/// <param name="Type">The managed object type, for example <c>VirtualMachine</c>.</param>
/// <param name="Value">The id, for example <c>vm-42</c>.</param>
public readonly record struct ManagedObjectReference(string Type, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}:{Value}";
}
