namespace VmwareMcp.Abstractions.Ovf;

/// <summary>What an OVF descriptor declares, read before deploying: the names a deployment maps. Since 2.6.</summary>
public sealed record OvfSummary
{
    /// <summary>The virtual system's name in the descriptor.</summary>
    public string? Name { get; init; }

    /// <summary>The product and version from the ProductSection, when there is one.</summary>
    public string? Product { get; init; }

    /// <summary>The descriptor's network names, which <see cref="OvfDeployment.NetworkMapping"/> maps.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>The files the descriptor references (disks, ISOs), by href, with their declared sizes in bytes.</summary>
    public IReadOnlyList<OvfFileInfo> Files { get; init; } = [];

    /// <summary>The DeploymentOptionSection's configuration ids.</summary>
    public IReadOnlyList<string> DeploymentOptions { get; init; } = [];

    /// <summary>The ProductSection's property keys, which <see cref="OvfDeployment.Properties"/> sets.</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];
}

/// <summary>A file an OVF descriptor references. Since 2.6.</summary>
public sealed record OvfFileInfo
{
    /// <summary>Its relative name, as in the package.</summary>
    public required string Href { get; init; }

    /// <summary>Its size in bytes as the descriptor declares it; null when it does not.</summary>
    public long? SizeBytes { get; init; }
}
