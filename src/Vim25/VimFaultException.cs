namespace VmwareMcp.Vim25;

/// <summary>A SOAP fault from vCenter or ESXi, with the vim25 fault type and the endpoint's message.</summary>
/// <param name="faultType">The fault's type, for example <c>DuplicateName</c>.</param>
/// <param name="message">The endpoint's faultstring.</param>
public sealed class VimFaultException(string faultType, string message) : Exception(message)
{
    /// <summary>The fault's vim25 type without the <c>Fault</c> element suffix, for example <c>InvalidPowerState</c>.</summary>
    public string FaultType { get; } = faultType;
}
