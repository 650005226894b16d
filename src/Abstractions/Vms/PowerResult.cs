namespace VmwareMcp.Abstractions.Vms;

/// <summary>The outcome of a power request.</summary>
/// <param name="Vm">The VM.</param>
/// <param name="Action">What was asked.</param>
/// <param name="PreviousState">Power state before.</param>
/// <param name="PowerState">Power state after (for guest operations, the state when the request was accepted).</param>
/// <param name="Changed">False when the VM was already in the asked state.</param>
/// <param name="Message">A sentence for people and agents.</param>
public sealed record PowerResult(VmReference Vm, PowerAction Action, string PreviousState, string PowerState, bool Changed, string Message);
