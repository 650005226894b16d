namespace VmwareMcp.Host.Mcp;

/// <summary>
/// Marks a destructive tool of the host's that runs the confirmation flow itself, with a preview read from
/// vSphere (<see cref="FrontDoor.Confirmation"/>), so the boundary's generic confirmation leaves it alone.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SelfConfirmingAttribute : Attribute;
