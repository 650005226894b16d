namespace VmwareMcp.Abstractions.Inventory;

/// <summary>What an endpoint says about itself (vSphere <c>ServiceContent.about</c>).</summary>
/// <param name="ApiType"><c>VirtualCenter</c> or <c>HostAgent</c>.</param>
/// <param name="ApiVersion">For example <c>8.0.2.0</c>.</param>
/// <param name="FullName">Product name, version and build.</param>
/// <param name="InstanceUuid">The vCenter instance UUID, when it has one.</param>
public sealed record EndpointInfo(string ApiType, string ApiVersion, string FullName, string? InstanceUuid);
