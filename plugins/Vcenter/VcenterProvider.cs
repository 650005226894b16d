using Microsoft.Extensions.Logging;
using VmwareMcp.Abstractions.Targets;
using VmwareMcp.Vsphere;

namespace VmwareMcp.Plugins.Vcenter;

/// <summary>A vCenter target: the shared vSphere provider as it is.</summary>
internal sealed class VcenterProvider(TargetOptions target, ILogger logger) : VsphereProvider(target, logger)
{
    public const string VirtualCenter = "VirtualCenter";

    protected override string ApiType => VirtualCenter;

    protected override string Kind => "vcenter";
}
